import { createFileRoute } from '@tanstack/react-router';
import { deploymentStatusQueryOptions } from '@/data/deployments/get-deployment-status';
import { deploymentsQueryOptions } from '@/data/deployments/get-deployments';
import { serviceQueryOptions } from '@/data/services/get-service';
import { DeploymentPage } from '@/features/deployments/deployment-page';
import { loadedByParent, serviceProps } from '@/lib/route-props';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/deployment')({
  staticData: { crumb: 'Deployment' },
  loader: async ({ context: { queryClient }, params, parentMatchPromise }) => {
    const service = await loadedByParent(parentMatchPromise, queryClient, serviceQueryOptions(params, params.serviceId).queryKey);
    // Invocation services have no deployment to read.
    if (service?.execution_mode !== 'persistent') return;
    await Promise.all([
      queryClient.ensureQueryData(deploymentStatusQueryOptions(params, params.serviceId)),
      queryClient.ensureQueryData(deploymentsQueryOptions(params, params.serviceId)),
    ]);
  },
  component: DeploymentRoute,
});

function DeploymentRoute() {
  return <DeploymentPage {...serviceProps(Route.useParams())} />;
}
