import { createFileRoute } from '@tanstack/react-router';
import { versionsQueryOptions } from '@/data/versions/get-versions';
import { LogsPage } from '@/features/requests/logs-page';
import { LogsSearch } from '@/features/requests/logs-search';
import { serviceProps, useSearchProps } from '@/lib/route-props';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/logs')({
  staticData: { crumb: 'Logs' },
  // The filters, Live and the open record are in the URL (a bad value falls back to none), so a link opens the same view.
  validateSearch: LogsSearch,
  loader: ({ context: { queryClient }, params }) => queryClient.ensureQueryData(versionsQueryOptions(params, params.serviceId)),
  component: LogsRoute,
});

function LogsRoute() {
  return <LogsPage {...serviceProps(Route.useParams())} {...useSearchProps(Route, { resetScroll: false })} />;
}
