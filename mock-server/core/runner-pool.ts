/**
 * Runners — worker threads or child processes — that take one task at a time
 * each, so costly work never holds up the main thread, which serves every
 * other client. A task has a time limit, counted from when its runner is
 * started and on it: past it, the runner is stopped and replaced, the task
 * fails with the pool's `overTime` error, and the tasks queued behind it
 * start again on the new runner. So do they when a runner breaks or exits.
 *
 * The gateway's schema checks (gateway/check-pool.ts) and connector
 * instances' SQL (connector-operations/sql-pool.ts) run here.
 */

/** A started runner, as the pool drives it. */
export interface Runner {
  send(message: Record<string, unknown>): void;
  stop(): void;
  /** Whether it keeps the process alive, said as it gets work and runs out of it (a child process's channel); omit for never. */
  keepAlive?(alive: boolean): void;
}

/** What a runner sends back: `{ ready: true }` once started, then one reply per task, naming its id. */
export type RunnerReply = { ready: true } | ({ id: number } & Record<string, unknown>);

/** What a runner tells the pool. */
export interface RunnerEvents {
  reply(reply: RunnerReply): void;
  /** It broke or exited: its task fails with `reason`, the others start again on a new one. */
  broke(reason: Error): void;
}

interface Task<K> {
  id: number;
  message: Record<string, unknown>;
  limitMs: number;
  /** Its runner, when the caller chose it; else the one with the shortest queue. */
  runner: K | undefined;
  settle(reply: Record<string, unknown>): void;
  reject(e: Error): void;
}

interface Slot<K> {
  runner: Runner;
  queue: Task<K>[];
  timer: NodeJS.Timeout | undefined;
  /** Started: a task's time does not count the runner's own start. */
  ready: boolean;
}

export interface RunnerPoolOptions<K> {
  /** The pool's runners, by name; each is started on its first task. */
  runners: readonly K[];
  start(runner: K, events: RunnerEvents): Runner;
  /** The error of a task stopped past its limit. */
  overTime(limitMs: number): Error;
}

export class RunnerPool<K> {
  private readonly slots = new Map<K, Slot<K>>();
  private nextId = 1;

  constructor(private readonly options: RunnerPoolOptions<K>) {}

  /**
   * Run `message` (sent with an `id`) on `runner`, or on the one with the
   * shortest queue; `answer` turns its reply into the result, or throws what
   * the runner refused.
   */
  run<T>(message: Record<string, unknown>, o: { limitMs: number; runner?: K; answer: (reply: Record<string, unknown>) => T }): Promise<T> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const settle = (reply: Record<string, unknown>) => {
        try {
          resolve(o.answer(reply));
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      };
      this.assign({ id, message: { ...message, id }, limitMs: o.limitMs, runner: o.runner, settle, reject });
    });
  }

  private assign(task: Task<K>): void {
    const key = task.runner ?? this.shortestQueue();
    let slot = this.slots.get(key);
    if (!slot) this.slots.set(key, (slot = this.start(key)));
    slot.queue.push(task);
    slot.runner.keepAlive?.(true);
    slot.runner.send(task.message);
    if (slot.queue.length === 1) this.arm(key, slot);
  }

  private shortestQueue(): K {
    const queued = (k: K) => this.slots.get(k)?.queue.length ?? 0;
    return this.options.runners.reduce((best, k) => (queued(k) < queued(best) ? k : best));
  }

  private start(key: K): Slot<K> {
    const slot: Slot<K> = { runner: undefined as unknown as Runner, queue: [], timer: undefined, ready: false };
    slot.runner = this.options.start(key, {
      reply: (reply) => this.settle(key, slot, reply),
      broke: (reason) => this.replace(key, slot, reason),
    });
    return slot;
  }

  /** The limit runs for the task at the head of the queue, the one the runner is on. */
  private arm(key: K, slot: Slot<K>): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    if (slot.queue.length === 0) {
      slot.runner.keepAlive?.(false);
      return;
    }
    if (!slot.ready) return;
    const limit = slot.queue[0]!.limitMs;
    slot.timer = setTimeout(() => this.replace(key, slot, this.options.overTime(limit)), limit);
    slot.timer.unref();
  }

  private settle(key: K, slot: Slot<K>, reply: RunnerReply): void {
    if ('ready' in reply) {
      slot.ready = true;
      this.arm(key, slot);
      return;
    }
    const task = slot.queue[0];
    if (!task || task.id !== reply.id) return;
    slot.queue.shift();
    task.settle(reply);
    this.arm(key, slot);
  }

  /** Stop a runner (over its time, or broken): its current task fails, the others queued on it start again on a new one. */
  private replace(key: K, slot: Slot<K>, reason: Error): void {
    if (this.slots.get(key) !== slot) return;
    clearTimeout(slot.timer);
    this.slots.delete(key);
    slot.runner.stop();
    const [current, ...waiting] = slot.queue;
    slot.queue = [];
    current?.reject(reason);
    for (const task of waiting) this.assign(task);
  }
}
