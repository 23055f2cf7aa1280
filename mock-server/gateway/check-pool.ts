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

interface Task {
  id: number;
  message: { id: number; key: string; schema: object; value: unknown; full: boolean };
  resolve: (o: CheckOutcome) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  queue: Task[];
  timer: NodeJS.Timeout | undefined;
  /** Started (its budget does not count the worker's own start). */
  ready: boolean;
}

export const DEFAULT_CHECK_BUDGET_MS = 10_000;
/** Beside this module, as a path from a string: under the component tests' jsdom a `URL` object is jsdom's, which `Worker` refuses. */
const workerPath = () => join(dirname(fileURLToPath(import.meta.url)), 'check-worker.mjs');

export type Lane = 'light' | 'heavy';
type Reply = { ready: true } | { id: number; ok: true } | { id: number; ok: false; errors: RawError[] } | { id: number; failure: string };

class CheckPool {
  private readonly lanes = new Map<Lane, Slot>();
  private nextId = 1;
  budgetMs = DEFAULT_CHECK_BUDGET_MS;

  check(lane: Lane, key: string, schema: object, value: unknown, full: boolean): Promise<CheckOutcome> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.assign(lane, { id, message: { id, key, schema, value, full }, resolve, reject });
    });
  }

  private assign(lane: Lane, task: Task): void {
    let slot = this.lanes.get(lane);
    if (!slot) this.lanes.set(lane, (slot = this.spawn(lane)));
    slot.queue.push(task);
    slot.worker.postMessage(task.message);
    if (slot.queue.length === 1) this.arm(lane, slot);
  }

  private spawn(lane: Lane): Slot {
    const slot: Slot = { worker: new Worker(workerPath(), { workerData: { lane } }), queue: [], timer: undefined, ready: false };
    // Never what keeps a process alive.
    slot.worker.unref();
    slot.worker.on('message', (reply: Reply) => this.settle(lane, slot, reply));
    slot.worker.on('error', (e) => this.replace(lane, slot, e));
    slot.worker.on('exit', () => this.replace(lane, slot, new Error('The request checker stopped')));
    return slot;
  }

  /** The budget runs for the check at the head of the queue, the one the worker is on. */
  private arm(lane: Lane, slot: Slot): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    if (slot.queue.length === 0 || !slot.ready) return;
    slot.timer = setTimeout(() => this.replace(lane, slot, new CheckTooCostly(this.budgetMs)), this.budgetMs);
    slot.timer.unref();
  }

  private settle(lane: Lane, slot: Slot, reply: Reply): void {
    if ('ready' in reply) {
      slot.ready = true;
      this.arm(lane, slot);
      return;
    }
    const task = slot.queue[0];
    if (!task || task.id !== reply.id) return;
    slot.queue.shift();
    if ('failure' in reply) task.reject(new Error(`The request schema could not be checked: ${reply.failure}`));
    else task.resolve(reply.ok ? { ok: true } : { ok: false, errors: reply.errors });
    this.arm(lane, slot);
  }

  /** Stop a worker (over budget, or broken): its current check fails, the others queued on it start again on a new one. */
  private replace(lane: Lane, slot: Slot, reason: Error): void {
    if (this.lanes.get(lane) !== slot) return;
    clearTimeout(slot.timer);
    this.lanes.delete(lane);
    void slot.worker.terminate();
    const [current, ...waiting] = slot.queue;
    slot.queue = [];
    current?.reject(reason);
    for (const task of waiting) this.assign(lane, task);
  }
}

/** The process's pool. */
export const checkPool = new CheckPool();
