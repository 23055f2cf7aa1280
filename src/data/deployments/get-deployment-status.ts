import { queryOptions } from '@tanstack/react-query';
import { DeploymentStatus } from '@/contract/deployments';
import { paths, type Scope } from '@/contract/paths';
import { deploymentKeys } from '@/data/query-keys';
import { api } from '@/lib/api-client';

/** `GET …/deployment-status` (seed 000): state, health, message, synced. */
export const getDeploymentStatus = (scope: Scope, serviceId: string) => api.get(paths.deploymentStatus(scope, serviceId), DeploymentStatus);

export const deploymentStatusQueryOptions = (scope: Scope, serviceId: string) =>
  queryOptions({ queryKey: deploymentKeys.status(scope, serviceId), queryFn: () => getDeploymentStatus(scope, serviceId), staleTime: 0 });
