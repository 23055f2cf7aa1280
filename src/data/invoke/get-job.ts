import { queryOptions, useQuery } from '@tanstack/react-query';
import { readJob } from '@/contract/invoke';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { callExtension } from '@/lib/extensions';
import { jobPollInterval } from './job-polling';
import { invokeKeys } from './keys';

/** One job (seed 001 "Poll job status"); a platform without the jobs API is learnt, as an extension's absence is. */
export const getJob = (scope: Scope, serviceId: string, jobId: string, signal?: AbortSignal) =>
  callExtension('jobs', () => api.get(paths.job(scope, serviceId, jobId), readJob, { signal }));

/** Polled while it runs, backing off; not at all once it has finished. */
export const jobQueryOptions = (scope: Scope, serviceId: string, jobId: string) =>
  queryOptions({
    queryKey: invokeKeys.job(scope, serviceId, jobId),
    queryFn: ({ signal }) => getJob(scope, serviceId, jobId, signal),
    refetchInterval: (query) => jobPollInterval(query.state.data ? [query.state.data] : undefined),
    retry: false,
  });

export const useJob = (scope: Scope, serviceId: string, jobId: string | null) =>
  useQuery({ ...jobQueryOptions(scope, serviceId, jobId ?? ''), enabled: jobId !== null && jobId !== '' });
