import { createFileRoute } from '@tanstack/react-router';
import { VersionsPage } from '@/features/versions/versions-page';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/versions/')({
  component: VersionsPage,
});
