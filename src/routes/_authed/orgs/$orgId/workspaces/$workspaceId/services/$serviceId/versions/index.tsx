import { createFileRoute } from '@tanstack/react-router';
import { VersionsPage } from '@/features/versions/components/versions-page';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/versions/')({
  component: VersionsPage,
});
