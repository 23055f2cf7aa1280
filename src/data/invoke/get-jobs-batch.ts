import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { JOB_BATCH_MAX, readJobBatch } from '@/contract/invoke';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { callExtension } from '@/lib/extensions';
import { jobPollInterval } from './job-polling';
import { invokeKeys } from './keys';

/** Several jobs in one call (seed 001 "Batch status check"): at most `JOB_BATCH_MAX` ids, one entry per id. */
export const getJobsBatch = (scope: Scope, serviceId: string, jobIds: readonly string[], signal?: AbortSignal) =>
  callExtension('jobs', () =>
    api.post(paths.jobsBatch(scope, serviceId), readJobBatch, { body: { job_ids: jobIds.slice(0, JOB_BATCH_MAX) }, signal }),
  );

/** Refreshed with one batch call while any job in it runs; not at all once all have finished. */
export const jobsBatchQueryOptions = (scope: Scope, serviceId: string, jobIds: readonly string[]) =>
  queryOptions({
    queryKey: invokeKeys.batch(scope, serviceId, jobIds),
    queryFn: ({ signal }) => getJobsBatch(scope, serviceId, jobIds, signal),
    refetchInterval: (query) => jobPollInterval(query.state.data?.flatMap((e) => (e.job ? [e.job] : []))),
    retry: false,
  });

export const useJobsBatch = (scope: Scope, serviceId: string, jobIds: readonly string[]) =>
  useQuery({ ...jobsBatchQueryOptions(scope, serviceId, jobIds), enabled: jobIds.length > 0, placeholderData: keepPreviousData });
