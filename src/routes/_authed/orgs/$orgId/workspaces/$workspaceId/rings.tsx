import { createFileRoute } from '@tanstack/react-router';
import { ringsPageQueryOptions, ringsQueryOptions } from '@/data/rings/get-rings';
import { RingsPage } from '@/features/rings/rings-page';
import { LIST_SEARCH_DEFAULTS, ListSearch, toPageQuery } from '@/lib/list-search';
import { useSearchProps, workspaceProps } from '@/lib/route-props';
import { listSearchInUrl } from '@/routes/-search-in-url';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/rings')({
  staticData: { crumb: 'Rings' },
  // The table's page and search.
  ...listSearchInUrl(ListSearch, LIST_SEARCH_DEFAULTS),
  loader: ({ context: { queryClient }, params, deps }) => {
    void queryClient.prefetchQuery(ringsPageQueryOptions(params, toPageQuery(deps)));
    return queryClient.ensureQueryData(ringsQueryOptions(params));
  },
  component: RingsRoute,
});

function RingsRoute() {
  return <RingsPage {...workspaceProps(Route.useParams())} {...useSearchProps(Route)} />;
}
