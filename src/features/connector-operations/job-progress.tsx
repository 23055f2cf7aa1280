import { isConnectorJobFinished } from '@/contract/connector-operations';
import type { Scope } from '@/contract/paths';
import { useConnectorJob } from '@/data/connector-operations/get-job';
import { ValueBadge } from '@/ui/badge';
import { DateTime } from '@/ui/date-time';
import { Skeleton } from '@/ui/skeleton';
import { ErrorState } from '@/ui/states';
import { Unavailable } from '@/ui/unavailable';
import { ResultTable } from './result-table';

const TONES = { queued: 'neutral', running: 'info', succeeded: 'success', failed: 'danger', cancelled: 'warning' } as const;

/** What a status means, in a sentence. */
const MEANING: Record<string, string> = {
  queued: 'It waits its turn; nothing is written yet.',
  running: 'It is being written; a read does not see it until it has succeeded.',
  succeeded: 'It is written: the next read sees it.',
  failed: 'Nothing was written.',
};

/**
 * A large write's job (seed 002 "Large Writes"), followed live: polled while
 * it is queued or running, backing off; its result once it has succeeded.
 */
export function JobProgress({
  scope,
  connectorId,
  instanceId,
  jobId,
  why,
  operationName,
}: {
  scope: Scope;
  connectorId: string;
  instanceId: string;
  jobId: string;
  why: string | null;
  operationName: string;
}) {
  const job = useConnectorJob(scope, connectorId, instanceId, jobId);
  return (
    <div className="job-progress">
      <p>
        Queued as job <span className="mono break-anywhere">{jobId}</span>
        {why ? `: ${why}` : '.'}
      </p>
      {job.isPending ? (
        <Skeleton width="40%" label="Loading the job" />
      ) : job.isError ? (
        <ErrorState title="The job could not be loaded" error={job.error} onRetry={() => void job.refetch()} />
      ) : !job.data.available ? (
        <Unavailable capability="connectorJobs">
          <p>The platform accepted the write as a job; read the data again later to see it.</p>
        </Unavailable>
      ) : (
        <>
          <p className="job-line" role="status" aria-live="polite">
            <ValueBadge value={job.data.data.status} tones={TONES} /> {MEANING[job.data.data.status] ?? ''}
          </p>
          <dl className="job-times">
            <div>
              <dt>Submitted</dt>
              <dd>
                <DateTime iso={job.data.data.submitted_at} />
              </dd>
            </div>
            <div>
              <dt>Finished</dt>
              <dd>
                <DateTime iso={job.data.data.finished_at} fallback={isConnectorJobFinished(job.data.data.status) ? '—' : 'not yet'} />
              </dd>
            </div>
          </dl>
          {job.data.data.status === 'failed' && (
            <p className="form-alert" role="alert">
              {job.data.data.error ?? 'The job failed.'}
            </p>
          )}
          {job.data.data.result && <ResultTable result={job.data.data.result} operationName={operationName} kind="write" />}
        </>
      )}
    </div>
  );
}
