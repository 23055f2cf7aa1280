import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Deployment } from '@/contract/deployments';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { serviceRecord } from '../services/keys';
import { deploymentKeys } from './keys';

/** What a user can start on a persistent service (seed 000). */
export type DeploymentAction = 'build' | 'deploy' | 'deploy-prebuilt' | 'teardown';

const START: Record<DeploymentAction, (s: Scope, serviceId: string) => Promise<Deployment>> = {
  /** Builds the image of the active version without deploying it. */
  build: (s, id) => api.post(paths.build(s, id), Deployment),
  /** Builds, then deploys. */
  deploy: (s, id) => api.post(paths.deploy(s, id), Deployment),
  /** Deploys the last built image. */
  'deploy-prebuilt': (s, id) => api.post(paths.deploy(s, id), Deployment, { query: { build: 'false' } }),
  /** Stops the running container. */
  teardown: (s, id) => api.post(paths.teardown(s, id), Deployment),
};

export const startDeployment = (scope: Scope, serviceId: string, action: DeploymentAction) => START[action](scope, serviceId);

/**
 * Once the platform accepts it, the new deployment goes at the head of the
 * history at once (unfinished, so polling starts) and the rest is refreshed.
 */
export function useStartDeployment(scope: Scope, serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: DeploymentAction) => startDeployment(scope, serviceId, action),
    onSuccess: (started) => {
      queryClient.setQueryData<{ items: Deployment[] }>(deploymentKeys.history(scope, serviceId), (old) => ({
        items: [started, ...(old?.items ?? []).filter((d) => d.id !== started.id)],
      }));
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: deploymentKeys.all(scope, serviceId) }),
        queryClient.invalidateQueries(serviceRecord(scope, serviceId)),
      ]);
    },
  });
}
