import { createFileRoute } from '@tanstack/react-router';
import { VersionsPage } from '@/features/versions/versions-page';
import { serviceProps } from '@/lib/route-props';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/versions/')({
  component: VersionsRoute,
});

function VersionsRoute() {
  return <VersionsPage {...serviceProps(Route.useParams())} />;
}
