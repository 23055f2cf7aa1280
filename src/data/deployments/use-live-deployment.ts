import { useQueryClient, useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import type { DeploymentStatusRead } from '@/contract/deployments';
import type { Scope } from '@/contract/paths';
import { deploymentPollInterval } from './deployment-polling';
import { deploymentStatusQueryOptions } from './get-deployment-status';
import { deploymentsQueryOptions, type DeploymentHistory } from './get-deployments';
import { deploymentKeys } from './keys';

/**
 * One interval for both queries, decided from what the cache holds now, so the
 * status and the history poll together while a deployment moves and stop together.
 */
export function liveRefetchInterval(queryClient: QueryClient, scope: Scope, serviceId: string) {
  return () =>
    deploymentPollInterval(
      queryClient.getQueryData<DeploymentStatusRead>(deploymentKeys.status(scope, serviceId)),
      queryClient.getQueryData<DeploymentHistory>(deploymentKeys.history(scope, serviceId))?.items,
    );
}

/**
 * The status and history of a persistent service, polled about every second
 * while in progress. `historyAvailable` is false on a platform without the
 * history (our extension): `deployments` then holds what this console started.
 */
export function useLiveDeployment(scope: Scope, serviceId: string) {
  const queryClient = useQueryClient();
  const refetchInterval = liveRefetchInterval(queryClient, scope, serviceId);
  const status = useSuspenseQuery({ ...deploymentStatusQueryOptions(scope, serviceId), refetchInterval });
  const history = useSuspenseQuery({ ...deploymentsQueryOptions(scope, serviceId), refetchInterval });
  return {
    status: status.data,
    deployments: history.data.items,
    invalid: history.data.invalid,
    historyAvailable: history.data.available,
    polling: refetchInterval() !== false,
  };
}
