import { createFileRoute } from '@tanstack/react-router';
import { ServiceActivity } from '@/features/activity/service-activity';
import { ServiceOverview } from '@/features/services/service-overview';
import { serviceProps } from '@/lib/route-props';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/')({
  staticData: { title: 'Overview' },
  component: OverviewRoute,
});

/** The service's facts, then its activity (its own feature: features do not import each other). */
function OverviewRoute() {
  const props = serviceProps(Route.useParams());
  return <ServiceOverview {...props} activity={<ServiceActivity {...props} />} />;
}
