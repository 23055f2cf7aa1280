import { createFileRoute } from '@tanstack/react-router';
import { versionsPageQueryOptions } from '@/data/versions/get-versions';
import { VersionsPage } from '@/features/versions/versions-page';
import { LIST_SEARCH_DEFAULTS, ListSearch, toPageQuery } from '@/lib/list-search';
import { serviceProps, useSearchProps } from '@/lib/route-props';
import { listSearchInUrl } from '@/routes/-search-in-url';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/versions/')({
  // The page and the search.
  ...listSearchInUrl(ListSearch, LIST_SEARCH_DEFAULTS),
  loader: ({ context: { queryClient }, params, deps }) => {
    void queryClient.prefetchQuery(versionsPageQueryOptions(params, params.serviceId, toPageQuery(deps)));
  },
  component: VersionsRoute,
});

function VersionsRoute() {
  return <VersionsPage {...serviceProps(Route.useParams())} {...useSearchProps(Route)} />;
}
