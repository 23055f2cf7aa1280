import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Deployment } from '@/contract/deployments';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { afterDeploymentStarted } from './after-deployment-started';

/** `POST …/build` builds the image of the active version without deploying it (seed 000). */
export const buildService = (scope: Scope, serviceId: string) => api.post(paths.build(scope, serviceId), Deployment);

export function useBuildService(scope: Scope, serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => buildService(scope, serviceId),
    onSuccess: (started) => afterDeploymentStarted(queryClient, scope, serviceId, started),
  });
}
