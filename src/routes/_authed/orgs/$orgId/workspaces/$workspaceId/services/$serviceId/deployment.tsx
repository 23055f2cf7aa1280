import { createFileRoute } from '@tanstack/react-router';
import { DeploymentPage } from '@/features/deployments/components/deployment-page';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/deployment')({
  staticData: { crumb: 'Deployment' },
  component: DeploymentPage,
});
