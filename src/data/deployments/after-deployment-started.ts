import type { QueryClient } from '@tanstack/react-query';
import type { Deployment } from '@/contract/deployments';
import type { Scope } from '@/contract/paths';
import { deploymentKeys, serviceKeys } from '@/data/query-keys';

/**
 * After a build, deploy or teardown is accepted: put it at the head of the
 * history at once (unfinished, so polling starts) and refresh the rest.
 */
export function afterDeploymentStarted(queryClient: QueryClient, scope: Scope, serviceId: string, started: Deployment) {
  queryClient.setQueryData<{ items: Deployment[] }>(deploymentKeys.history(scope, serviceId), (old) => ({
    items: [started, ...(old?.items ?? []).filter((d) => d.id !== started.id)],
  }));
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: deploymentKeys.status(scope, serviceId) }),
    queryClient.invalidateQueries({ queryKey: deploymentKeys.history(scope, serviceId) }),
    queryClient.invalidateQueries({ queryKey: serviceKeys.detail(scope, serviceId), exact: true }),
  ]);
}
