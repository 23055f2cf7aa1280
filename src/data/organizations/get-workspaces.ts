import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { pageOrArray } from '@/contract/common';
import { Workspace } from '@/contract/organizations';
import { paths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { organizationKeys } from './keys';

const WorkspaceList = pageOrArray(Workspace);

export const getWorkspaces = (orgId: string) => api.get(paths.workspaces(orgId), WorkspaceList, { query: { limit: 100 } });

export const workspacesQueryOptions = (orgId: string) =>
  queryOptions({ queryKey: organizationKeys.workspaces(orgId), queryFn: () => getWorkspaces(orgId), staleTime: 5 * 60_000 });

export const useWorkspaces = (orgId: string) => useSuspenseQuery(workspacesQueryOptions(orgId)).data.items;
