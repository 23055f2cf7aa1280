/**
 * Large writes run as jobs (CONTRACT §14, seed 002 "Large Writes"), shaped
 * and timed as the gateway's jobs are (CONTRACT §7, jobs/rules.ts): queued
 * for a quarter of `MOCK_JOB_RUN_MS`, then running for `MOCK_JOB_RUN_MS`,
 * computed from stored times against the platform's clock (`store.clock`).
 *
 * The write itself is applied when its time has come, by the first request
 * on the instance after that (every operation, DDL and job read settles the
 * instance's due jobs first, in the order they were submitted, in the
 * instance's lane): a read never sees a job's rows before the job says it
 * succeeded, and always sees them after. A job applied that way reads
 * `succeeded` with its result, or `failed` with why (the data changed under
 * it since it was checked). Jobs survive a restart with their params, which
 * are dropped once applied.
 */
import { randomUUID } from 'node:crypto';
import type { ConnectorJob, ConnectorOperation } from '../../src/contract/connector-operations';
import type { ConnectorType } from '../../src/contract/connectors';
import { HttpError } from '../core/errors';
import { jobFields, reached } from '../core/job-view';
import { iso } from '../core/time';
import type { ConnectorInstanceRecord } from '../connectors/records';
import type { Store } from '../core/store';
import { runOperation } from './execute';
import type { ConnectorJobRecord } from './records';

/** Finished jobs are kept this long, then forgotten (a poll then gets 404), as the gateway's are. */
export const JOB_RETENTION_MS = 7 * 24 * 3600 * 1000;

export function planJob(o: {
  instance: ConnectorInstanceRecord;
  operation: ConnectorOperation;
  params: Record<string, unknown>;
  runMs: number;
  submittedBy: string;
  at: number;
}): ConnectorJobRecord {
  const started = o.at + Math.round(o.runMs / 4);
  return {
    id: randomUUID(),
    workspace_id: o.instance.workspace_id,
    instance_id: o.instance.id,
    connector_id: o.instance.connector_id,
    operation_id: o.operation.id,
    params: o.params,
    submitted_by: o.submittedBy,
    submitted_at: iso(o.at),
    started_at: iso(started),
    finished_at: iso(started + o.runMs),
    outcome: null,
  };
}

/** The job as it reads at `t` (its instance settled first: `settleJobs`). */
export function jobAt(j: ConnectorJobRecord, t: number): ConnectorJob {
  const started = reached(j.started_at, t);
  const finished = reached(j.finished_at, t) && j.outcome !== null;
  return {
    ...jobFields(j, {
      status: finished ? j.outcome!.status : started ? 'running' : 'queued',
      started,
      finished_at: finished ? j.finished_at : null,
      result: finished && j.outcome!.status === 'succeeded' ? j.outcome!.result : null,
      error: finished && j.outcome!.status === 'failed' ? j.outcome!.error : null,
    }),
    instance_id: j.instance_id,
    operation_id: j.operation_id,
  };
}

/** The words of what refused a job's write (an HttpError's detail). */
function reasonOf(e: unknown): string {
  if (e instanceof HttpError) {
    const d = e.detail;
    return typeof d === 'string' ? d : d.map((i) => i.msg).join('; ');
  }
  return e instanceof Error ? e.message : String(e);
}

/**
 * Apply the instance's jobs whose time has come, oldest first. Call it in the
 * instance's lane (instance-data.ts `inLane`), before anything reads or writes it.
 */
export async function settleJobs(
  on: { store: Store; connector: ConnectorType; instance: ConnectorInstanceRecord; sqlTimeLimitMs: number },
  t = on.store.clock.now(),
): Promise<void> {
  const { store, connector, instance, sqlTimeLimitMs } = on;
  store.sweep(store.connectorJobs, (j) => j.outcome !== null && Date.parse(j.finished_at) < t - JOB_RETENTION_MS, t);
  const due = store.connectorJobs
    .in('instance', instance.id)
    .filter((j) => j.outcome === null && reached(j.finished_at, t))
    .sort((a, b) => a.submitted_at.localeCompare(b.submitted_at));
  for (const job of due) {
    const operation = connector.operations.find((o) => o.id === job.operation_id);
    let outcome: ConnectorJobRecord['outcome'];
    try {
      if (!operation || !job.params) throw new Error(`The operation ${job.operation_id} is gone`);
      const done = await runOperation({ store, connector, instance, operation, params: job.params, sqlTimeLimitMs, apply: true });
      if (done.kind !== 'done') throw new Error('The write could not be applied');
      outcome = { status: 'succeeded', result: done.result };
    } catch (e) {
      outcome = { status: 'failed', error: reasonOf(e) };
    }
    store.connectorJobs.put({ ...job, params: null, outcome });
  }
}
