import { isJobFinished } from '@/contract/invoke';
import { backoff } from '../poll-age';

/** The quickest and the slowest poll of a job that has not finished. */
export const JOB_POLL_MIN_MS = 1000;
export const JOB_POLL_MAX_MS = 10_000;

type Polled = { status: string; submitted_at: string };

/**
 * How soon to ask again about jobs: never once every one has finished
 * (succeeded, failed, cancelled); about every second just after a submit,
 * backing off as the youngest unfinished job grows old (a quarter of its age,
 * up to 10 s: `backoff`).
 */
export function jobPollInterval(jobs: readonly Polled[] | undefined, now?: number, local?: number): number | false {
  const open = (jobs ?? []).filter((j) => !isJobFinished(j.status));
  if (open.length === 0) return false;
  return backoff(
    open.map((j) => j.submitted_at),
    [JOB_POLL_MIN_MS, JOB_POLL_MAX_MS],
    now,
    local,
  );
}
