import { queryOptions, useQuery } from '@tanstack/react-query';
import { readConnectorJob, type ConnectorJobRead } from '@/contract/connector-operations';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { readExtension } from '@/lib/extensions';
import { jobPollInterval } from '../invoke/job-polling';
import { connectorOperationKeys } from './keys';

/**
 * [extension] A large write's job (`GET …/instances/{id}/jobs/{job_id}`,
 * CONTRACT §14): the 202 that queued it is documented, the path to follow it
 * is ours — a platform without it gets `{ available: false }`.
 */
export const getConnectorJob = (scope: Scope, connectorId: string, instanceId: string, jobId: string, signal?: AbortSignal) =>
  readExtension(
    'connectorJobs',
    () => api.get(paths.instanceJob(scope, connectorId, instanceId, jobId), readConnectorJob, { signal }) as Promise<ConnectorJobRead>,
  );

/** Polled while it runs, backing off as the gateway's jobs are; not at all once it has finished. */
export const connectorJobQueryOptions = (scope: Scope, connectorId: string, instanceId: string, jobId: string) =>
  queryOptions({
    queryKey: connectorOperationKeys.job(scope, connectorId, instanceId, jobId),
    queryFn: ({ signal }) => getConnectorJob(scope, connectorId, instanceId, jobId, signal),
    refetchInterval: (query) => {
      const read = query.state.data;
      return read?.available ? jobPollInterval([read.data]) : false;
    },
    retry: false,
  });

export const useConnectorJob = (scope: Scope, connectorId: string, instanceId: string, jobId: string) =>
  useQuery(connectorJobQueryOptions(scope, connectorId, instanceId, jobId));
