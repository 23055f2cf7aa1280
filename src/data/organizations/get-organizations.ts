import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { pageOrArray } from '@/contract/common';
import { Organization, Workspace } from '@/contract/organizations';
import { paths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { scopeKeys } from '@/data/query-keys';

const OrganizationList = pageOrArray(Organization);
const WorkspaceList = pageOrArray(Workspace);

export const getOrganizations = () => api.get(paths.organizations(), OrganizationList, { query: { limit: 100 } });
export const getWorkspaces = (orgId: string) => api.get(paths.workspaces(orgId), WorkspaceList, { query: { limit: 100 } });

export const organizationsQueryOptions = () =>
  queryOptions({ queryKey: scopeKeys.organizations(), queryFn: getOrganizations, staleTime: 5 * 60_000 });

export const workspacesQueryOptions = (orgId: string) =>
  queryOptions({ queryKey: scopeKeys.workspaces(orgId), queryFn: () => getWorkspaces(orgId), staleTime: 5 * 60_000 });

export const useOrganizations = () => useSuspenseQuery(organizationsQueryOptions()).data.items;
export const useWorkspaces = (orgId: string) => useSuspenseQuery(workspacesQueryOptions(orgId)).data.items;
