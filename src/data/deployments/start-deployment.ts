import { useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { readDeployment, type DeploymentRead, type DeploymentStatusRead } from '@/contract/deployments';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import type { HostedServiceRead } from '@/contract/services';
import { serviceKeys, serviceRecord } from '../services/keys';
import type { DeploymentHistory } from './get-deployments';
import { deploymentKeys } from './keys';

/** What a user can start on a persistent service (seed 000). */
export type DeploymentAction = 'build' | 'deploy' | 'deploy-prebuilt' | 'teardown';

const START: Record<DeploymentAction, (s: Scope, serviceId: string) => Promise<unknown>> = {
  /** Builds the image of the active version without deploying it. */
  build: (s, id) => api.post(paths.build(s, id), z.unknown()),
  /** Builds, then deploys. */
  deploy: (s, id) => api.post(paths.deploy(s, id), z.unknown()),
  /** Deploys the last built image. */
  'deploy-prebuilt': (s, id) => api.post(paths.deploy(s, id), z.unknown(), { query: { build: 'false' } }),
  /** Stops the running container. */
  teardown: (s, id) => api.post(paths.teardown(s, id), z.unknown()),
};

const KIND: Record<DeploymentAction, DeploymentRead['kind']> = {
  build: 'build',
  deploy: 'deploy',
  'deploy-prebuilt': 'deploy',
  teardown: 'teardown',
};
const FIRST_STATE: Record<DeploymentAction, DeploymentRead['state']> = {
  build: 'building',
  deploy: 'building',
  'deploy-prebuilt': 'deploying',
  teardown: 'draining',
};

/**
 * Start one. The seeds document the calls, not what they answer: our mock's
 * deployment record is read leniently, and any other answer stands for a
 * deployment started now, so the page follows it all the same.
 */
export async function startDeployment(
  scope: Scope,
  serviceId: string,
  action: DeploymentAction,
  version: number | null = null,
  now = new Date(),
): Promise<DeploymentRead> {
  const answer = await START[action](scope, serviceId);
  const read = readDeployment.safeParse(answer);
  if (read.success) return read.data;
  const at = now.toISOString();
  return {
    id: `started-${at}`,
    service_id: serviceId,
    kind: KIND[action],
    build: action !== 'deploy-prebuilt',
    version_id: null,
    version: action === 'teardown' ? null : version,
    state: FIRST_STATE[action],
    message: null,
    started_by: null,
    started_at: at,
    finished_at: null,
    events: [{ state: FIRST_STATE[action], at, message: null }],
  };
}

/**
 * Once the platform accepts it, the new deployment goes at the head of the
 * history at once (unfinished, so polling starts) and the rest is refreshed.
 */
export function useStartDeployment(scope: Scope, serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // The active version is what a build or deploy takes (named in case the platform's answer does not say).
    mutationFn: (action: DeploymentAction) =>
      startDeployment(
        scope,
        serviceId,
        action,
        queryClient.getQueryData<HostedServiceRead>(serviceKeys.detail(scope, serviceId))?.active_version ?? null,
      ),
    onSuccess: (started) => {
      // Until the status is read again, the one cached is from before the start: it must not end the new deployment.
      queryClient.setQueryData<DeploymentStatusRead>(deploymentKeys.status(scope, serviceId), (old) =>
        old ? { ...old, in_progress: true } : old,
      );
      queryClient.setQueryData<DeploymentHistory>(deploymentKeys.history(scope, serviceId), (old) => ({
        available: old?.available ?? true,
        invalid: old?.invalid ?? [],
        items: [started, ...(old?.items ?? []).filter((d) => d.id !== started.id)],
      }));
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: deploymentKeys.all(scope, serviceId) }),
        queryClient.invalidateQueries(serviceRecord(scope, serviceId)),
      ]);
    },
  });
}
