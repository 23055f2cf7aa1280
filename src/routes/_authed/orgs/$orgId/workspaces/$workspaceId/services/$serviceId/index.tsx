import { createFileRoute } from '@tanstack/react-router';
import { ServiceActivity } from '@/features/activity/service-activity';
import { ServiceHealth } from '@/features/metrics/service-health';
import { RolloutSummary } from '@/features/rollouts/rollout-summary';
import { ServiceOverview } from '@/features/services/service-overview';
import { TrafficSummary } from '@/features/traffic/traffic-summary';
import { serviceProps } from '@/lib/route-props';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/')({
  staticData: { title: 'Overview' },
  component: OverviewRoute,
});

/** The service's facts, its split and rollout, its health and its activity (each its own feature: features do not import each other). */
function OverviewRoute() {
  const props = serviceProps(Route.useParams());
  return (
    <ServiceOverview
      {...props}
      traffic={<TrafficSummary {...props} rollout={<RolloutSummary {...props} />} />}
      health={<ServiceHealth {...props} />}
      activity={<ServiceActivity {...props} />}
    />
  );
}
