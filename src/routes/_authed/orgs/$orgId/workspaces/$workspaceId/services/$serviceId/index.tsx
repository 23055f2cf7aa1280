import { createFileRoute } from '@tanstack/react-router';
import { ServiceOverview } from '@/features/services/service-overview';
import { serviceProps } from '@/lib/route-props';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/')({
  staticData: { title: 'Overview' },
  component: OverviewRoute,
});

function OverviewRoute() {
  return <ServiceOverview {...serviceProps(Route.useParams())} />;
}
