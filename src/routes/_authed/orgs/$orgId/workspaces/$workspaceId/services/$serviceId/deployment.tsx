import { createFileRoute } from '@tanstack/react-router';
import { serviceQueryOptions } from '@/data/services/get-service';
import { deploymentStatusQueryOptions } from '@/data/deployments/get-deployment-status';
import { deploymentsQueryOptions } from '@/data/deployments/get-deployments';
import { DeploymentPage } from '@/features/deployments/deployment-page';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/deployment')({
  staticData: { crumb: 'Deployment' },
  loader: async ({ context: { queryClient }, params }) => {
    const service = await queryClient.ensureQueryData(serviceQueryOptions(params, params.serviceId));
    // Invocation services have no deployment to read.
    if (service.execution_mode !== 'persistent') return;
    await Promise.all([
      queryClient.ensureQueryData(deploymentStatusQueryOptions(params, params.serviceId)),
      queryClient.ensureQueryData(deploymentsQueryOptions(params, params.serviceId)),
    ]);
  },
  component: DeploymentPage,
});
