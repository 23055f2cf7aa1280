/**
 * Worker threads that check gateway requests against endpoint schemas
 * (check-worker.mjs), so that compiling a schema or checking a large body
 * never holds up the main thread, which serves every other client.
 *
 * One pool per process, shared by every mock platform in it, started on the
 * first check, with two lanes of one worker each: `light` for checks known
 * to be cheap (a small schema and a small value: json-schema-check.ts
 * decides), `heavy` for the others — so a costly check never queues in front
 * of a cheap one. The heavy worker runs at the lowest CPU priority (on Linux,
 * where that is per thread), so the main thread and the light lane come first. A check that runs
 * longer than the budget (from when its worker is free and started) is abandoned: its
 * worker is stopped and replaced, the checks queued behind it start again on
 * the new one, and the caller gets `CheckTooCostly` (a 413).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { RunnerPool } from '../core/runner-pool';

/** An Ajv error as the worker sends it. */
export interface RawError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
}
export type CheckOutcome = { ok: true } | { ok: false; errors: RawError[] };

/** The check took longer than the budget and was stopped. */
export class CheckTooCostly extends Error {
  constructor(readonly budgetMs: number) {
    super(`The check took more than ${budgetMs} ms`);
  }
}

export const DEFAULT_CHECK_BUDGET_MS = 10_000;
/** Beside this module, as a path from a string: under the component tests' jsdom a `URL` object is jsdom's, which `Worker` refuses. */
const workerPath = () => join(dirname(fileURLToPath(import.meta.url)), 'check-worker.mjs');

export type Lane = 'light' | 'heavy';

class CheckPool {
  budgetMs = DEFAULT_CHECK_BUDGET_MS;
  private readonly pool = new RunnerPool<Lane>({
    runners: ['light', 'heavy'],
    start: (lane, events) => {
      const worker = new Worker(workerPath(), { workerData: { lane } });
      // Never what keeps a process alive.
      worker.unref();
      worker.on('message', events.reply);
      worker.on('error', events.broke);
      worker.on('exit', () => events.broke(new Error('The request checker stopped')));
      return { send: (message) => worker.postMessage(message), stop: () => void worker.terminate() };
    },
    overTime: (limitMs) => new CheckTooCostly(limitMs),
  });

  check(lane: Lane, key: string, schema: object, value: unknown, full: boolean): Promise<CheckOutcome> {
    return this.pool.run(
      { key, schema, value, full },
      {
        runner: lane,
        limitMs: this.budgetMs,
        answer: (reply) => {
          if ('failure' in reply) throw new Error(`The request schema could not be checked: ${String(reply.failure)}`);
          return reply.ok ? { ok: true } : { ok: false, errors: reply.errors as RawError[] };
        },
      },
    );
  }
}

/** The process's pool. */
export const checkPool = new CheckPool();
