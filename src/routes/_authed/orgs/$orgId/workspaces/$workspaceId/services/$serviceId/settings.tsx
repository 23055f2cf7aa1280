import { createFileRoute } from '@tanstack/react-router';
import { ServiceSettings } from '@/features/services/service-settings';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/settings')({
  staticData: { crumb: 'Settings' },
  component: ServiceSettings,
});
