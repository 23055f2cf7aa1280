import { createFileRoute } from '@tanstack/react-router';
import { hostedServiceQueryOptions } from '@/api/get-service';
import { deploymentStatusQueryOptions } from '@/features/deployments/api/get-deployment-status';
import { deploymentsQueryOptions } from '@/features/deployments/api/get-deployments';
import { DeploymentPage } from '@/features/deployments/components/deployment-page';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/deployment')({
  staticData: { crumb: 'Deployment' },
  loader: async ({ context: { queryClient }, params }) => {
    const service = await queryClient.ensureQueryData(hostedServiceQueryOptions(params, params.serviceId));
    // Invocation services have no deployment to read.
    if (service.execution_mode !== 'persistent') return;
    await Promise.all([
      queryClient.ensureQueryData(deploymentStatusQueryOptions(params, params.serviceId)),
      queryClient.ensureQueryData(deploymentsQueryOptions(params, params.serviceId)),
    ]);
  },
  component: DeploymentPage,
});
