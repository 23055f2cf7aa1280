/**
 * Async jobs (CONTRACT §7, seed 001), computed lazily from timestamps as
 * deployments are.
 *
 * A job is planned in full when it is submitted: it is `queued` for a quarter
 * of the run time, then `running` for the run time (`MOCK_JOB_RUN_MS`,
 * default 3000), then `succeeded` with an example of the endpoint's response
 * schema as its result — or `failed`. Reads compare those stored times with
 * the clock, so a job moves on without timers, reads the same for everyone,
 * and survives a restart. Cancelling stores the time it happened; a finished
 * job cannot be cancelled (409).
 *
 * Deterministic failure (for tests and demos): a job fails when a string in
 * its request body starts with `fail:`; the rest of that string is its error
 * (`{"input": "fail: out of memory"}` → `failed`, "out of memory").
 */
import { randomUUID } from 'node:crypto';
import type { Job } from '../../src/contract/invoke';
import type { EndpointSnapshot } from '../../src/contract/versions';
import { conflict } from '../core/errors';
import { jobFields, reached } from '../core/job-view';
import type { JobRecord } from './records';
import type { ServiceRecord } from '../services/records';
import type { VersionRecord } from '../versions/records';
import type { Store } from '../core/store';
import { iso } from '../core/time';
import { exampleOf } from '../../src/contract/schema-example';

export const DEFAULT_JOB_RUN_MS = 3000;
/** Finished jobs are kept this long, then forgotten (a poll then gets 404). */
export const JOB_RETENTION_MS = 7 * 24 * 3600 * 1000;
export const FAIL_PREFIX = 'fail:';

/** The error a body asks for (`fail: …` in any string), or null. Bounded: the body has been checked already. */
export function requestedFailure(body: unknown): string | null {
  const stack: unknown[] = [body];
  for (let seen = 0; stack.length && seen < 10_000; seen++) {
    const v = stack.pop();
    if (typeof v === 'string' && v.startsWith(FAIL_PREFIX)) return v.slice(FAIL_PREFIX.length).trim() || 'The job failed';
    if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) stack.push(x);
  }
  return null;
}

export function planJob(o: {
  service: ServiceRecord;
  version: VersionRecord;
  endpoint: EndpointSnapshot;
  path: string;
  body: unknown;
  runMs: number;
  submittedBy: string;
  /** The platform's clock, now. */
  now: number;
}): JobRecord {
  const { now } = o;
  const started = now + Math.round(o.runMs / 4);
  const error = requestedFailure(o.body);
  return {
    id: randomUUID(),
    org_id: o.service.org_id,
    workspace_id: o.service.workspace_id,
    service_id: o.service.id,
    version_id: o.version.id,
    version: o.version.version,
    method: o.endpoint.method,
    path: o.path,
    submitted_at: iso(now),
    started_at: iso(started),
    finished_at: iso(started + o.runMs),
    outcome: error === null ? 'succeeded' : 'failed',
    result: error === null ? exampleOf(o.endpoint.response_schema) : null,
    error,
    cancelled_at: null,
    submitted_by: o.submittedBy,
  };
}

/** The job as it reads at `now`. */
export function jobAt(j: JobRecord, now: number): Job {
  const cancelled = j.cancelled_at !== null;
  const started = reached(j.started_at, now) && (!cancelled || Date.parse(j.started_at) < Date.parse(j.cancelled_at!));
  const finished = cancelled || reached(j.finished_at, now);
  const status = cancelled ? 'cancelled' : finished ? j.outcome : started ? 'running' : 'queued';
  return {
    ...jobFields(j, {
      status,
      started,
      finished_at: cancelled ? j.cancelled_at : finished ? j.finished_at : null,
      result: status === 'succeeded' ? j.result : null,
      error: status === 'failed' ? j.error : null,
    }),
    service_id: j.service_id,
    version: j.version,
    version_id: j.version_id,
    method: j.method,
    path: j.path,
  };
}

/** Cancel a job that has not finished; a finished one is a 409 naming how it ended. */
export function cancelJob(store: Store, j: JobRecord, now = store.clock.now()): Job {
  const { status } = jobAt(j, now);
  if (status === 'succeeded' || status === 'failed' || status === 'cancelled') {
    throw conflict(
      `This job has already ${status === 'cancelled' ? 'been cancelled' : status}; only a queued or running job can be cancelled`,
    );
  }
  return jobAt(store.jobs.put({ ...j, cancelled_at: iso(now) }), now);
}

/** Forget jobs finished long ago (at most every ten minutes: store.sweep). */
export function sweepJobs(store: Store, now = store.clock.now()): void {
  store.sweep(store.jobs, (j) => Date.parse(j.cancelled_at ?? j.finished_at) < now - JOB_RETENTION_MS, now);
}
