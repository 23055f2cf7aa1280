import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { readDeploymentPage, type DeploymentRead, type DeploymentStatusRead } from '@/contract/deployments';
import { paths, type Scope } from '@/contract/paths';
import type { InvalidRow } from '@/contract/reading';
import { api } from '@/lib/api-client';
import { readExtension } from '@/lib/extensions';
import { deploymentKeys } from './keys';

/**
 * Past builds, deploys and teardowns, newest first. `GET …/deployments` is our
 * extension: on a platform without it, `available` is false and `items` holds
 * only what this console started in this session (until the status says it
 * ended), so a deploy is still followed between its phases.
 */
export type DeploymentHistory = { available: boolean; items: DeploymentRead[]; invalid: InvalidRow[] };

export const getDeployments = async (scope: Scope, serviceId: string, queryClient?: QueryClient): Promise<DeploymentHistory> => {
  const read = await readExtension('deploymentHistory', () => api.get(paths.deployments(scope, serviceId), readDeploymentPage));
  if (read.available) {
    return {
      available: true,
      items: [...read.data.items].sort((a, b) => b.started_at.localeCompare(a.started_at)),
      invalid: read.data.invalid,
    };
  }
  const started = queryClient?.getQueryData<DeploymentHistory>(deploymentKeys.history(scope, serviceId))?.items ?? [];
  const status = queryClient?.getQueryData<DeploymentStatusRead>(deploymentKeys.status(scope, serviceId));
  return { available: false, items: started.map((d) => settledByStatus(d, status)), invalid: [] };
};

/** The states a status settles in once a build, a deploy or a teardown is over. */
const ENDS: Record<string, readonly (string | null)[]> = {
  build: ['built', 'failed'],
  deploy: ['active', 'failed'],
  teardown: [null, 'failed'],
};

/** Without a history, a deployment this console started ends when the status reaches where its kind ends. */
export function settledByStatus(deployment: DeploymentRead, status: DeploymentStatusRead | undefined, now = new Date()): DeploymentRead {
  if (deployment.finished_at !== null || !status || status.in_progress === true) return deployment;
  const ends = ENDS[deployment.kind] ?? [];
  if (!ends.includes(status.deployment_state)) return deployment;
  const state = status.deployment_state ?? 'torn_down';
  const at = now.toISOString();
  return {
    ...deployment,
    state,
    message: status.message,
    finished_at: at,
    events: [...(deployment.events ?? []), { state, at, message: status.message }],
  };
}

export const deploymentsQueryOptions = (scope: Scope, serviceId: string) =>
  queryOptions({
    queryKey: deploymentKeys.history(scope, serviceId),
    queryFn: ({ client }) => getDeployments(scope, serviceId, client),
    staleTime: 0,
  });
