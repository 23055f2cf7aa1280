import { createFileRoute } from '@tanstack/react-router';
import { versionsQueryOptions } from '@/data/versions/get-versions';
import { TrafficPage } from '@/features/traffic/traffic-page';
import { serviceProps } from '@/lib/route-props';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/traffic')({
  staticData: { crumb: 'Traffic' },
  loader: ({ context: { queryClient }, params }) => queryClient.ensureQueryData(versionsQueryOptions(params, params.serviceId)),
  component: TrafficRoute,
});

function TrafficRoute() {
  return <TrafficPage {...serviceProps(Route.useParams())} />;
}
