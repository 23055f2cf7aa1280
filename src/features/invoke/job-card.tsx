import { toast } from 'sonner';
import { isJobFinished } from '@/contract/invoke';
import type { Scope } from '@/contract/paths';
import { useCancelJob } from '@/data/invoke/cancel-job';
import { useJob } from '@/data/invoke/get-job';
import { ApiError } from '@/lib/api-error';
import { Button } from '@/ui/button';
import { DateTime } from '@/ui/date-time';
import { Detail } from '@/ui/details';
import { Skeleton } from '@/ui/skeleton';
import { useCapability } from '@/lib/capabilities';
import { notAvailable } from '@/lib/not-available';
import { ErrorState } from '@/ui/states';
import { Unavailable } from '@/ui/unavailable';
import { Card } from '@/ui/card';
import { JobStatusBadge } from './job-status';
import { spanWords } from './job-times';
import { SubmitRecordLink } from './request-log-link';

/** A platform that does not serve the jobs API (seed 001): said in place of the jobs, while Send goes on working. */
export function JobsNotAvailable() {
  return (
    <Unavailable capability="jobs" title="Async jobs are not available on this platform">
      <p>Calls through the gateway still work: use Send.</p>
    </Unavailable>
  );
}

/**
 * One job, live: polled while it is queued or running (backing off), not once
 * it has finished; its result or error; Cancel while it runs.
 */
export function JobCard({
  scope,
  serviceId,
  jobId,
  submitRequestId = null,
  cancelReason,
  onClose,
}: {
  scope: Scope;
  serviceId: string;
  jobId: string;
  /** The request id its submit was answered with, when this page submitted it. */
  submitRequestId?: string | null;
  cancelReason: string | null;
  onClose: () => void;
}) {
  const job = useJob(scope, serviceId, jobId);
  const cancel = useCancelJob(scope, serviceId);
  const requestLog = useCapability('requestLog');
  const headingId = `job-${jobId.replace(/[^A-Za-z0-9_-]/g, '')}-title`;

  const onCancel = () =>
    cancel.mutate(jobId, {
      onSuccess: (j) => toast.success(j.status === 'cancelled' ? 'Job cancelled' : `The job had already ${j.status}`),
    });

  return (
    <Card
      id={headingId}
      level={3}
      className="job-card"
      heading={
        <>
          Job <span className="mono break-anywhere">{jobId}</span>
        </>
      }
      actions={
        <div className="invoke-actions">
          {job.data && !isJobFinished(job.data.status) && (
            <Button
              variant="danger"
              size="sm"
              onClick={onCancel}
              pending={cancel.isPending}
              disabled={cancelReason !== null}
              title={cancelReason ?? undefined}
            >
              Cancel job
            </Button>
          )}
          <Button variant="ghost" size="sm" onClick={onClose} aria-label="Close the job">
            Close
          </Button>
        </div>
      }
    >
      {job.isPending ? (
        <Skeleton width="50%" label="Loading the job" />
      ) : job.isError ? (
        notAvailable(job.error) ? (
          <JobsNotAvailable />
        ) : job.error instanceof ApiError && job.error.status === 404 ? (
          <p className="form-alert" role="alert">
            No job with ID {jobId} was found for this service.
          </p>
        ) : (
          <ErrorState title="The job could not be loaded" error={job.error} onRetry={() => void job.refetch()} />
        )
      ) : (
        <>
          <dl className="details job-details">
            <Detail term="Status">
              <span role="status" aria-label={`Job status: ${job.data.status}`}>
                <JobStatusBadge status={job.data.status} />
              </span>
            </Detail>
            {job.data.method && job.data.path && (
              <Detail term="Endpoint" mono>
                {job.data.method} {job.data.path}
              </Detail>
            )}
            {job.data.version !== null && job.data.version !== undefined && <Detail term="Version">v{job.data.version}</Detail>}
            <Detail term="Submitted">
              <DateTime iso={job.data.submitted_at} />
            </Detail>
            {requestLog !== 'unavailable' && (
              <Detail term="Submit record">
                <SubmitRecordLink scope={scope} serviceId={serviceId} requestId={submitRequestId} submittedAt={job.data.submitted_at} />
              </Detail>
            )}
            <Detail term="Started">
              <DateTime iso={job.data.started_at} fallback="not yet" />
            </Detail>
            <Detail term="Finished">
              <DateTime iso={job.data.finished_at} fallback="not yet" />
            </Detail>
            {spanWords(job.data.submitted_at, job.data.started_at) && (
              <Detail term="Queued for">{spanWords(job.data.submitted_at, job.data.started_at)}</Detail>
            )}
            {spanWords(job.data.started_at, job.data.finished_at) && (
              <Detail term="Ran for">{spanWords(job.data.started_at, job.data.finished_at)}</Detail>
            )}
          </dl>
          {cancelReason && !isJobFinished(job.data.status) && <p className="muted job-note">{cancelReason}</p>}
          {cancel.error && (
            <p className="form-alert" role="alert">
              The job could not be cancelled: {cancel.error.message}
            </p>
          )}
          {job.data.status === 'failed' && (
            <p className="form-alert" role="alert">
              The job failed: {job.data.error ?? 'the platform gave no reason'}
            </p>
          )}
          {job.data.status === 'succeeded' && (
            <pre className="invoke-code" aria-label="Job result" tabIndex={0}>
              {JSON.stringify(job.data.result, null, 2)}
            </pre>
          )}
        </>
      )}
    </Card>
  );
}
