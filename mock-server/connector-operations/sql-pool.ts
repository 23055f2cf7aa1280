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
import { fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RunnerPool } from '../core/runner-pool';

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

const runners = new RunnerPool<number>({
  runners: Array.from({ length: RUNNERS }, (_, i) => i),
  start: (_index, events) => {
    // No loader of the parent's (tsx, vitest): the runner is plain JavaScript. Advanced serialization carries images as bytes.
    const child = fork(runnerPath(), [], { execArgv: [], serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    // Never what keeps a process alive while idle.
    child.unref();
    child.channel?.unref();
    child.on('message', events.reply);
    child.on('error', events.broke);
    child.on('exit', () => events.broke(new Error('The SQL runner stopped')));
    return {
      send: (message) => child.send(message),
      stop: () => child.kill('SIGKILL'),
      keepAlive: (alive) => (alive ? child.channel?.ref() : child.channel?.unref()),
    };
  },
  overTime: (limitMs) => new SqlTimeLimit(limitMs),
});

/** A runner's answer to a request: what it ran, what it refused (`SqlRefused`), or how it failed. */
function answer(reply: Record<string, unknown>): Record<string, unknown> {
  if ('failure' in reply) throw new Error(`The SQL runner failed: ${String(reply.failure)}`);
  if (reply.ok) return reply;
  throw new SqlRefused(reply.error as RunnerRefusal);
}

/** The process's pool. */
export const sqlPool = {
  /** Run `message` on a runner; past `limitMs` from when the runner starts it, it is stopped. */
  run: (message: Record<string, unknown>, limitMs: number) => runners.run(message, { limitMs, answer }),
};
