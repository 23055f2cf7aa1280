import { createFileRoute } from '@tanstack/react-router';
import { newestRolloutQueryOptions } from '@/data/rollouts/get-newest-rollout';
import { versionsQueryOptions } from '@/data/versions/get-versions';
import { RolloutPanel } from '@/features/rollouts/rollout-panel';
import { TrafficPage } from '@/features/traffic/traffic-page';
import { serviceProps } from '@/lib/route-props';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/traffic')({
  staticData: { crumb: 'Traffic' },
  loader: ({ context: { queryClient }, params }) => {
    // The rollout is read beside the versions, not before them: the split shows first, the rollout a moment later if it must.
    void queryClient.prefetchQuery(newestRolloutQueryOptions(params, params.serviceId));
    return queryClient.ensureQueryData(versionsQueryOptions(params, params.serviceId));
  },
  component: TrafficRoute,
});

/** The split and the rollout that moves it (each its own feature: features do not import each other). */
function TrafficRoute() {
  const props = serviceProps(Route.useParams());
  return <TrafficPage {...props} rollout={<RolloutPanel {...props} />} />;
}
