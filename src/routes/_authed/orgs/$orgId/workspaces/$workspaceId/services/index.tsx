import { createFileRoute } from '@tanstack/react-router';
import { ringsQueryOptions } from '@/data/rings/get-rings';
import { servicesQueryOptions } from '@/data/services/get-services';
import { ServicesPage } from '@/features/services/services-page';
import { ServicesSearch, SERVICES_SEARCH_DEFAULTS, toListQuery } from '@/features/services/services-search';
import { workspaceProps, useSearchProps } from '@/lib/route-props';
import { listSearchInUrl } from '@/routes/-search-in-url';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/')({
  // The crumb above is "Hosted Services", the app's name: the list's title says what it is.
  staticData: { title: 'Services' },
  ...listSearchInUrl(ServicesSearch, SERVICES_SEARCH_DEFAULTS),
  loader: ({ context: { queryClient }, params, deps }) => {
    // Start the requests during navigation (the rings name each row's ring); the page shows skeletons rather than blocking on them.
    void queryClient.prefetchQuery(servicesQueryOptions(params, toListQuery(deps)));
    void queryClient.prefetchQuery(ringsQueryOptions(params));
  },
  component: ServicesRoute,
});

function ServicesRoute() {
  return <ServicesPage {...workspaceProps(Route.useParams())} {...useSearchProps(Route)} />;
}
