import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Deployment } from '@/contract/deployments';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { afterDeploymentStarted } from './after-deployment-started';

/** `POST …/deploy` builds then deploys; with `build: false` it deploys the last built image (seed 000). */
export const deployService = (scope: Scope, serviceId: string, build: boolean) =>
  api.post(paths.deploy(scope, serviceId), Deployment, { query: build ? undefined : { build: 'false' } });

export function useDeployService(scope: Scope, serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ build }: { build: boolean }) => deployService(scope, serviceId, build),
    onSuccess: (started) => afterDeploymentStarted(queryClient, scope, serviceId, started),
  });
}
