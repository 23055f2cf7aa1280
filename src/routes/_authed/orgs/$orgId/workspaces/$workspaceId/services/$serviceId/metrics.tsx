import { createFileRoute } from '@tanstack/react-router';
import { versionsQueryOptions } from '@/data/versions/get-versions';
import { MetricsPage } from '@/features/metrics/metrics-page';
import { MetricsSearch } from '@/features/metrics/metrics-search';
import { serviceProps, useSearchProps } from '@/lib/route-props';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/metrics')({
  staticData: { crumb: 'Metrics' },
  // The window and the percentile are in the URL, so a reload or a link shows the same charts.
  validateSearch: MetricsSearch,
  // The versions give each line its colour; the charts' own data loads in the page, which shows skeletons meanwhile.
  loader: ({ context: { queryClient }, params }) => queryClient.ensureQueryData(versionsQueryOptions(params, params.serviceId)),
  component: MetricsRoute,
});

function MetricsRoute() {
  return <MetricsPage {...serviceProps(Route.useParams())} {...useSearchProps(Route, { resetScroll: false })} />;
}
