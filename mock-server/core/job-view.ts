/**
 * How a job reads at a moment, for both kinds (a service's async call,
 * CONTRACT §7; a connector's large write, §14, "shaped as §7's"): one place
 * for the fields they share, so the two cannot drift apart.
 */

/** Whether a stored ISO time has come at `now` (ms on the platform's clock). */
export const reached = (at: string, now: number) => Date.parse(at) <= now;

/** What the job's kind decided about it at the moment read. */
export interface JobMoment<S extends string, R> {
  status: S;
  started: boolean;
  finished_at: string | null;
  result: R | null;
  error: string | null;
}

/** The shared fields, in the contract's order: `job_id` repeats `id` (as seed 002 reads it); `started_at` is null until it has started. */
export function jobFields<S extends string, R>(j: { id: string; submitted_at: string; started_at: string }, at: JobMoment<S, R>) {
  return {
    id: j.id,
    job_id: j.id,
    status: at.status,
    submitted_at: j.submitted_at,
    started_at: at.started ? j.started_at : null,
    finished_at: at.finished_at,
    result: at.result,
    error: at.error,
  };
}
