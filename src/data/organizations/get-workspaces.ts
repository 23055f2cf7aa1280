import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { readWorkspacePage } from '@/contract/organizations-read';
import { paths } from '@/contract/paths';
import { readAllPages } from '@/lib/all-pages';
import { api } from '@/lib/api-client';
import { organizationKeys } from './keys';

/**
 * Every workspace of the organization, page after page, by name (the switcher's
 * order, and the first is where the console opens); sorted here, since the
 * platform lists them newest first, and the first page's URL is the one the
 * first load sends early (app/early-requests.ts).
 */
export const getWorkspaces = (orgId: string) =>
  readAllPages((page) => api.get(paths.workspaces(orgId), readWorkspacePage, { query: page })).then((all) => ({
    ...all,
    items: [...all.items].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true })),
  }));

export const workspacesQueryOptions = (orgId: string) =>
  queryOptions({ queryKey: organizationKeys.workspaces(orgId), queryFn: () => getWorkspaces(orgId), staleTime: 5 * 60_000 });

export const useWorkspaces = (orgId: string) => useSuspenseQuery(workspacesQueryOptions(orgId)).data.items;
