import { createFileRoute, stripSearchParams } from '@tanstack/react-router';
import { adminCountQueryOptions } from '@/data/users/get-admin-count';
import { usersQueryOptions } from '@/data/users/get-users';
import { UsersPage } from '@/features/users/users-page';
import { toUserListQuery } from '@/features/users/users-query';
import { UsersSearch, USERS_SEARCH_DEFAULTS } from '@/features/users/users-search';
import { useSearchProps } from '@/lib/route-props';

/** Admin › Users: the organization's users (seed 001's paths are the caller's organization's; the page lives in a workspace, as every page does). */
export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/users')({
  staticData: { crumb: 'Users' },
  // A bad link falls back to defaults instead of failing (each field has its own .catch()).
  validateSearch: UsersSearch,
  search: { middlewares: [stripSearchParams(USERS_SEARCH_DEFAULTS)] },
  loaderDeps: ({ search }) => search,
  loader: ({ context: { queryClient }, deps }) => {
    // Start the requests during navigation; the page shows skeletons rather than blocking on them.
    void queryClient.prefetchQuery(usersQueryOptions(toUserListQuery(deps)));
    void queryClient.prefetchQuery(adminCountQueryOptions());
  },
  component: UsersRoute,
});

function UsersRoute() {
  return <UsersPage {...useSearchProps(Route)} />;
}
