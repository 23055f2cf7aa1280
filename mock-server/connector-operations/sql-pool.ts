/**
 * Child processes that run connector instances' SQL (sql-runner.mjs), so a
 * statement never holds up the main thread — which serves every other
 * client — and one that runs too long can be stopped.
 *
 * One pool per process, shared by every mock platform in it, started on the
 * first statement: two runners, each taking one request at a time; a request
 * goes to the runner with the shorter queue. The time limit runs for the
 * request a runner is on (from when the runner is ready): past it, the runner
 * is killed (SIGKILL: SQLite may be deep in native code) and replaced, the
 * requests queued behind it start again on the new one, and the caller gets
 * `SqlTimeLimit` (a 422 on the field that held the SQL). The limit is the
 * platform's setting (`sqlTimeLimitMs`, `MOCK_SQL_TIME_LIMIT_MS`), given with
 * each request: platforms of other settings may share the pool.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the runner refused, and where in the params (or the DDL body) it was. */
export interface RunnerRefusal {
  code: 'invalid' | 'conflict' | 'too_large';
  message: string;
  at: (string | number)[];
}

export class SqlRefused extends Error {
  constructor(readonly refusal: RunnerRefusal) {
    super(refusal.message);
  }
}

/** The statement ran longer than the limit and was stopped. */
export class SqlTimeLimit extends Error {
  constructor(readonly limitMs: number) {
    super(`The statement ran longer than ${limitMs / 1000} s and was stopped`);
  }
}

export const DEFAULT_SQL_TIME_LIMIT_MS = 2000;
/** Beside this module (a path from a string: the component tests' jsdom has its own URL class). */
const runnerPath = () => join(dirname(fileURLToPath(import.meta.url)), 'sql-runner.mjs');
const RUNNERS = 2;

type Reply =
  | { ready: true }
  | ({ id: number; ok: true } & Record<string, unknown>)
  | { id: number; ok: false; error: RunnerRefusal }
  | { id: number; failure: string };

interface Task {
  id: number;
  message: Record<string, unknown> & { id: number };
  limitMs: number;
  resolve: (r: Record<string, unknown>) => void;
  reject: (e: Error) => void;
}

interface Slot {
  child: ChildProcess;
  queue: Task[];
  timer: NodeJS.Timeout | undefined;
  ready: boolean;
}

class SqlPool {
  private readonly slots: (Slot | undefined)[] = new Array<Slot | undefined>(RUNNERS).fill(undefined);
  private nextId = 1;
  /** Run `message` on a runner; past `limitMs` from when the runner starts it, it is stopped. */
  run(message: Record<string, unknown>, limitMs: number): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.assign({ id, message: { ...message, id }, limitMs, resolve, reject });
    });
  }

  private assign(task: Task): void {
    let best = 0;
    for (let i = 1; i < RUNNERS; i++) if ((this.slots[i]?.queue.length ?? 0) < (this.slots[best]?.queue.length ?? 0)) best = i;
    let slot = this.slots[best];
    if (!slot) this.slots[best] = slot = this.spawn(best);
    slot.queue.push(task);
    slot.child.channel?.ref();
    slot.child.send(task.message);
    if (slot.queue.length === 1) this.arm(best, slot);
  }

  private spawn(index: number): Slot {
    // No loader of the parent's (tsx, vitest): the runner is plain JavaScript. Advanced serialization carries images as bytes.
    const child = fork(runnerPath(), [], { execArgv: [], serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const slot: Slot = { child, queue: [], timer: undefined, ready: false };
    // Never what keeps a process alive while idle.
    child.unref();
    child.channel?.unref();
    child.on('message', (reply: Reply) => this.settle(index, slot, reply));
    child.on('error', (e) => this.replace(index, slot, e));
    child.on('exit', () => this.replace(index, slot, new Error('The SQL runner stopped')));
    return slot;
  }

  private arm(index: number, slot: Slot): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    if (slot.queue.length === 0) {
      slot.child.channel?.unref();
      return;
    }
    if (!slot.ready) return;
    const limit = slot.queue[0]!.limitMs;
    slot.timer = setTimeout(() => this.replace(index, slot, new SqlTimeLimit(limit)), limit);
    slot.timer.unref();
  }

  private settle(index: number, slot: Slot, reply: Reply): void {
    if ('ready' in reply) {
      slot.ready = true;
      this.arm(index, slot);
      return;
    }
    const task = slot.queue[0];
    if (!task || task.id !== reply.id) return;
    slot.queue.shift();
    if ('failure' in reply) task.reject(new Error(`The SQL runner failed: ${reply.failure}`));
    else if (reply.ok) task.resolve(reply);
    else task.reject(new SqlRefused(reply.error));
    this.arm(index, slot);
  }

  /** Stop a runner (over its time, or broken): its current request fails, the others queued on it start again on a new one. */
  private replace(index: number, slot: Slot, reason: Error): void {
    if (this.slots[index] !== slot) return;
    clearTimeout(slot.timer);
    this.slots[index] = undefined;
    slot.child.kill('SIGKILL');
    const [current, ...waiting] = slot.queue;
    slot.queue = [];
    current?.reject(reason);
    for (const task of waiting) this.assign(task);
  }
}

/** The process's pool. */
export const sqlPool = new SqlPool();
