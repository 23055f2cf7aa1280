import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { readWorkspacePage } from '@/contract/organizations';
import { paths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { organizationKeys } from './keys';

export const getWorkspaces = (orgId: string) => api.get(paths.workspaces(orgId), readWorkspacePage, { query: { limit: 100 } });

export const workspacesQueryOptions = (orgId: string) =>
  queryOptions({ queryKey: organizationKeys.workspaces(orgId), queryFn: () => getWorkspaces(orgId), staleTime: 5 * 60_000 });

export const useWorkspaces = (orgId: string) => useSuspenseQuery(workspacesQueryOptions(orgId)).data.items;
