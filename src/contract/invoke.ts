import * as z from 'zod/mini';
import { Id } from './common';
import { isObject, lenient, mended, errorAsText, strict, type Mode, type Reading } from './reading';

/**
 * Calling a service (CONTRACT §7, seed 001, 002, 004): the gateway's headers
 * and limits, and async jobs.
 *
 * Sync: `* /orgs/{org}/services/{id}/{path}` (`…/v{N}/{path}` pins version N)
 * answers with the endpoint's response; `X-Service-Version` names the version
 * that answered and `X-Request-Id` the call **[decision]**.
 *
 * Async: `POST /orgs/{org}/services/{id}/async/{path}` (`…/async/v{N}/{path}`)
 * is checked as a sync call is, then answers 202 with a `Job` and its
 * `Location`; `GET …/hosted-services/{id}/jobs/{job_id}` polls it;
 * `POST …/jobs/batch` reads up to `JOB_BATCH_MAX` at once; `POST
 * …/jobs/{job_id}/cancel` cancels one that has not finished (409 once it has).
 */

/** Response headers of the gateway (exposed to the browser). */
export const GATEWAY_HEADERS = { version: 'X-Service-Version', requestId: 'X-Request-Id' } as const;

/** The largest request body the gateway reads **[decision]**: beyond it, 413. */
export const GATEWAY_MAX_BODY_BYTES = 64 * 1024;

/**
 * The body of a call through the gateway (POST, PUT, PATCH, and async
 * submits): any JSON, which the gateway checks against the endpoint's own
 * request schema. GET and DELETE take none (their query and path parameters
 * are checked instead).
 */
export const InvokeBody = z.unknown();

/** Job lifecycle **[decision]**: `queued → running → succeeded | failed | cancelled`. */
export const JobStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
export type JobStatus = z.infer<typeof JobStatus>;
export const JOB_FINISHED: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled'];
/** A job in one of these states will not change again: stop polling it. */
export const isJobFinished = (status: string) => (JOB_FINISHED as readonly string[]).includes(status);

/** Everything but the id, read two ways. */
const jobFields = <M extends Mode>(r: Reading<M>) => ({
  status: r.openEnum(JobStatus),
  submitted_at: r.timestamp,
  /** Null while queued (and for a job cancelled before it started). */
  started_at: r.decided(z.nullable(r.timestamp), null),
  /** Null until it succeeds, fails or is cancelled. */
  finished_at: r.decided(z.nullable(r.timestamp), null),
  /** The endpoint's response once it succeeded, else null. */
  result: r.decided(z.unknown(), null),
  /** Why it failed, else null. */
  error: r.decided(z.nullable(z.string()), null),
  // What a UI shows beside it (our additions; another platform may not send them).
  service_id: r.extra(Id),
  /** The version that runs it: pinned with `async/v{N}/…`, else picked by the traffic split at submit. */
  version: r.extra(z.nullable(z.int())),
  version_id: r.extra(z.nullable(Id)),
  method: r.extra(z.string()),
  /** The path called, e.g. `/analyze` (without a version pin). */
  path: r.extra(z.string()),
});

/**
 * A job (CONTRACT §7). `job_id` repeats `id`, as seed 002's
 * `flow.jobs.submit(...)["job_id"]` reads it.
 */
export const Job = z.object({ id: Id, job_id: z.optional(Id), ...jobFields(strict) });
export type Job = z.infer<typeof Job>;

/**
 * A job as the console reads a platform: the id from `id` or `job_id` (any
 * string), an `error` given as an object read as its `message`.
 */
export const readJob = mended(
  (job) => {
    if (job.id === undefined && job.job_id !== undefined) job.id = job.job_id;
    errorAsText(job);
  },
  z.object({ id: z.string(), ...jobFields(lenient) }),
);
export type JobRead = z.output<typeof readJob>;

/** The most job ids one batch may ask for (more is a 422). */
export const JOB_BATCH_MAX = 100;

/** `POST …/jobs/batch` (seed 001 "Batch status check"): `{"job_ids": [...]}`. */
export const JobBatchRequest = z.strictObject({
  job_ids: z
    .array(z.string().check(z.minLength(1), z.maxLength(100)), { error: 'job_ids must be a list of job ids' })
    .check(z.maxLength(JOB_BATCH_MAX, { error: `At most ${JOB_BATCH_MAX} job ids at a time` })),
});
export type JobBatchRequest = z.input<typeof JobBatchRequest>;

/** One entry per distinct id asked for, in the order asked: the job, or null and why. */
export const JobBatchEntry = z.object({ job_id: z.string(), job: z.nullable(Job), detail: z.nullable(z.string()) });
export const JobBatchResponse = z.object({ jobs: z.array(JobBatchEntry) });
export type JobBatchResponse = z.infer<typeof JobBatchResponse>;

export type JobBatchEntryRead = { job_id: string; job: JobRead | null; detail: string | null };

/**
 * The batch as the console reads it: `{jobs: [...]}` or a bare array, each
 * entry `{job_id, job, detail}` or a bare job; an entry that cannot be read is
 * kept with its reason, so one bad row never loses the others.
 */
export const readJobBatch = z.pipe(
  z.union([z.array(z.unknown()), z.object({ jobs: z.array(z.unknown()) })]),
  z.transform((raw): JobBatchEntryRead[] =>
    (Array.isArray(raw) ? raw : raw.jobs).map((row) => {
      const entry = isObject(row) && ('job' in row || 'detail' in row) ? row : { job: row };
      const jobId =
        typeof entry.job_id === 'string' ? entry.job_id : isObject(entry.job) ? String(entry.job.id ?? entry.job.job_id ?? '') : '';
      if (entry.job === null || entry.job === undefined)
        return { job_id: jobId, job: null, detail: typeof entry.detail === 'string' ? entry.detail : 'Job not found' };
      const job = z.safeParse(readJob, entry.job);
      return job.success
        ? { job_id: jobId || job.data.id, job: job.data, detail: null }
        : { job_id: jobId, job: null, detail: 'This job could not be read' };
    }),
  ),
);
