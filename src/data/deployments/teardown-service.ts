import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Deployment } from '@/contract/deployments';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { afterDeploymentStarted } from './after-deployment-started';

/** `POST …/teardown` stops the running container (seed 000). */
export const teardownService = (scope: Scope, serviceId: string) => api.post(paths.teardown(scope, serviceId), Deployment);

export function useTeardownService(scope: Scope, serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => teardownService(scope, serviceId),
    onSuccess: (started) => afterDeploymentStarted(queryClient, scope, serviceId, started),
  });
}
