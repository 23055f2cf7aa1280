import { createFileRoute } from '@tanstack/react-router';
import { ServiceOverview } from '@/features/services/service-overview';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/')({
  component: ServiceOverview,
});
