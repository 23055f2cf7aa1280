import { useMutation, useQueryClient } from '@tanstack/react-query';
import { readJob } from '@/contract/invoke';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { callExtension } from '@/lib/extensions';
import { invokeKeys } from './keys';

/** Cancel a queued or running job (seed 001); a finished one is a 409. */
export const cancelJob = (scope: Scope, serviceId: string, jobId: string) =>
  callExtension('jobs', () => api.post(paths.cancelJob(scope, serviceId, jobId), readJob));

export function useCancelJob(scope: Scope, serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => cancelJob(scope, serviceId, jobId),
    onSuccess: (job) => queryClient.setQueryData(invokeKeys.job(scope, serviceId, job.id), job),
    // The job's card and the Jobs panel's batch both read it.
    onSettled: () => queryClient.invalidateQueries({ queryKey: invokeKeys.jobs(scope, serviceId) }),
  });
}
