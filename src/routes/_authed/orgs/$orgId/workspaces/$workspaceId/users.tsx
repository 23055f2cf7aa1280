import { createFileRoute } from '@tanstack/react-router';
import { adminCountQueryOptions } from '@/data/users/get-admin-count';
import { usersQueryOptions } from '@/data/users/get-users';
import { UsersPage } from '@/features/users/users-page';
import { toUserListQuery } from '@/features/users/users-query';
import { UsersSearch, USERS_SEARCH_DEFAULTS } from '@/features/users/users-search';
import { useSearchProps } from '@/lib/route-props';
import { listSearchInUrl } from '@/routes/-search-in-url';

/** Admin › Users: the organization's users (seed 001's paths are the caller's organization's; the page lives in a workspace, as every page does). */
export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/users')({
  staticData: { crumb: 'Users' },
  ...listSearchInUrl(UsersSearch, USERS_SEARCH_DEFAULTS),
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
