import { useState, type FormEvent } from 'react';
import type { Scope } from '@/contract/paths';
import { useJobsBatch } from '@/data/invoke/get-jobs-batch';
import { Button } from '@/ui/button';
import { Card } from '@/ui/card';
import { DateTime } from '@/ui/date-time';
import { notAvailable } from '@/lib/not-available';
import { ErrorState } from '@/ui/states';
import { JobStatusBadge } from './job-status';
import { JobsNotAvailable } from './job-card';

/**
 * The jobs submitted from this browser for the service, refreshed with one
 * batch call (polled only while one of them runs), and a look-up of any job by
 * its id.
 */
export function JobsPanel({
  scope,
  serviceId,
  jobIds,
  onOpen,
  onForget,
}: {
  scope: Scope;
  serviceId: string;
  jobIds: string[];
  onOpen: (jobId: string) => void;
  onForget: (jobIds: string[]) => void;
}) {
  const batch = useJobsBatch(scope, serviceId, jobIds);
  const [lookup, setLookup] = useState('');

  const submitLookup = (e: FormEvent) => {
    e.preventDefault();
    const id = lookup.trim();
    if (id) onOpen(id);
    setLookup('');
  };

  const entries = batch.data ?? [];
  const gone = entries.filter((e) => e.job === null).map((e) => e.job_id);

  return (
    <Card
      id="jobs-title"
      heading="Jobs"
      subtitle="Jobs submitted from this browser for this service. Their ids are kept in this browser; the jobs live on the platform."
    >
      <form className="job-lookup" onSubmit={submitLookup} role="search" aria-label="Look up a job">
        <label className="field job-lookup-field">
          <span className="field-label">Job ID</span>
          <input className="input mono" value={lookup} onChange={(e) => setLookup(e.target.value)} autoComplete="off" spellCheck={false} />
        </label>
        <Button type="submit" disabled={lookup.trim() === ''}>
          Look up
        </Button>
      </form>
      {jobIds.length === 0 ? (
        <p className="muted">No jobs yet. Choose a POST endpoint above and press Run as job.</p>
      ) : batch.isError && notAvailable(batch.error) ? (
        <JobsNotAvailable />
      ) : batch.isError ? (
        <ErrorState title="The jobs could not be loaded" error={batch.error} onRetry={() => void batch.refetch()} />
      ) : (
        <>
          <ul className="job-list" aria-label="Recent jobs" aria-busy={batch.isPending || undefined}>
            {entries.map((entry) => (
              <li key={entry.job_id} className="job-row">
                <Button
                  variant="ghost"
                  size="sm"
                  className="mono job-id"
                  onClick={() => onOpen(entry.job_id)}
                  aria-label={`Show job ${entry.job_id}`}
                >
                  {entry.job_id}
                </Button>
                {entry.job ? (
                  <>
                    <JobStatusBadge status={entry.job.status} />
                    <span className="mono muted">
                      {entry.job.method} {entry.job.path}
                      {entry.job.version !== null && entry.job.version !== undefined ? ` · v${entry.job.version}` : ''}
                    </span>
                    <span className="muted">
                      <DateTime iso={entry.job.submitted_at} />
                    </span>
                  </>
                ) : (
                  <span className="muted">{entry.detail ?? 'Job not found'}</span>
                )}
              </li>
            ))}
          </ul>
          {gone.length > 0 && (
            <Button size="sm" onClick={() => onForget(gone)}>
              Forget jobs the platform no longer has
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
