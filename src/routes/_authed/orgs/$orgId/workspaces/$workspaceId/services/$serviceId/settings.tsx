import { createFileRoute } from '@tanstack/react-router';
import { ServiceSettings } from '@/features/services/service-settings';
import { serviceProps } from '@/lib/route-props';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/settings')({
  staticData: { crumb: 'Settings' },
  component: SettingsRoute,
});

function SettingsRoute() {
  return <ServiceSettings {...serviceProps(Route.useParams())} />;
}
