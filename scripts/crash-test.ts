/**
 * Fault injection: "a 2xx means the change is on disk".
 *
 * Starts the mock (its own process, a temporary MOCK_DATA), sends writes from
 * several concurrent clients — creates with an Idempotency-Key, one-field
 * updates, deletes — and kills it with SIGKILL at a random moment, again and
 * again. After each restart it checks that the state opens and that every
 * acknowledged write is there: each created service (with its version 1, and
 * its key still replaying it), each service's last acknowledged description (or
 * the one in flight when it died), each delete. Prints the figures; exits 1 on
 * any loss. Traffic goes to 127.0.0.1 only.
 *
 * Env: CRASH_ROUNDS (30), CRASH_CLIENTS (8), CRASH_MAX_SECONDS (90).
 */
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDS } from '../mock-server/core/seed-ids';
import { signIn } from './sign-in';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 30);
const CLIENTS = Number(process.env.CRASH_CLIENTS ?? 8);
const MAX_SECONDS = Number(process.env.CRASH_MAX_SECONDS ?? 90);

interface Tracked {
  id: string;
  slug: string;
  key: string;
  body: Record<string, unknown>;
  /** The last acknowledged description, and the one sent when the mock died (maybe applied, maybe not). */
  description: string | null;
  inFlight: string | null | undefined;
  deleted: boolean;
  /** A delete was sent and not acknowledged. */
  deleting: boolean;
}

const stats = { creates: 0, updates: 0, deletes: 0, unacknowledged: 0, lost: 0, checks: 0, restartsMs: [] as number[] };
const problems: string[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startMock(port: number, dataFile: string): ChildProcess {
  // One process (node with tsx's loader), so SIGKILL kills the server itself.
  return spawn(process.execPath, ['--import', 'tsx', 'mock-server/main.ts'], {
    env: { ...process.env, MOCK_PORT: String(port), MOCK_DATA: dataFile, MOCK_SEED: 'demo' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitReady(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the mock exited with ${child.exitCode} on start: the state did not open`);
    try {
      const res = await fetch(`${base}/openapi.json`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(25);
  }
  throw new Error('the mock did not start within 30 s');
}

/** One client: sequential writes on its own services until the mock dies. */
async function client(
  base: string,
  headers: Record<string, string>,
  round: number,
  n: number,
  mine: Tracked[],
  stop: { dead: boolean },
): Promise<void> {
  const services = `${base}/orgs/${IDS.org}/workspaces/${IDS.production}/hosted-services`;
  for (let seq = 0; !stop.dead; seq++) {
    const live = mine.filter((t) => !t.deleted && !t.deleting);
    const r = Math.random();
    try {
      if (live.length < 3 || r < 0.35) {
        const slug = `crash-r${round}-c${n}-${seq}`;
        const body = {
          name: `Crash ${round}.${n}.${seq}`,
          slug,
          execution_mode: 'invocation',
          ring_id: IDS.rings.production.dev,
          description: null,
        };
        const key = `crash-${slug}`;
        const res = await fetch(services, { method: 'POST', headers: { ...headers, 'Idempotency-Key': key }, body: JSON.stringify(body) });
        if (res.status !== 201) throw new Error(`create: ${res.status} ${await res.text()}`);
        const created = (await res.json()) as { id: string };
        mine.push({ id: created.id, slug, key, body, description: null, inFlight: undefined, deleted: false, deleting: false });
        stats.creates++;
      } else if (r < 0.93) {
        const t = live[Math.floor(Math.random() * live.length)]!;
        const description = `update ${round}.${n}.${seq}`;
        t.inFlight = description;
        const res = await fetch(`${services}/${t.id}`, { method: 'PUT', headers, body: JSON.stringify({ description }) });
        if (res.status !== 200) throw new Error(`update: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
        t.description = description;
        t.inFlight = undefined;
        stats.updates++;
      } else {
        const t = live[Math.floor(Math.random() * live.length)]!;
        t.deleting = true;
        const res = await fetch(`${services}/${t.id}`, { method: 'DELETE', headers });
        if (res.status !== 204) throw new Error(`delete: ${res.status} ${await res.text()}`);
        t.deleted = true;
        t.deleting = false;
        stats.deletes++;
      }
    } catch (e) {
      if (stop.dead) {
        stats.unacknowledged++;
        return;
      }
      throw e;
    }
  }
}

/** After a restart: every acknowledged write is there. */
async function verify(base: string, headers: Record<string, string>, tracked: Tracked[]): Promise<void> {
  const services = `${base}/orgs/${IDS.org}/workspaces/${IDS.production}/hosted-services`;
  const found = new Map<string, { description: string | null; draft_version: number | null }>();
  for (let offset = 0; ; offset += 100) {
    const res = await fetch(`${services}?search=crash&limit=100&offset=${offset}&sort=created_at&order=asc`, { headers });
    if (res.status !== 200) throw new Error(`list: ${res.status}`);
    const page = (await res.json()) as { items: { id: string; description: string | null; draft_version: number | null }[]; total: number };
    for (const s of page.items) found.set(s.id, s);
    if (offset + 100 >= page.total) break;
  }
  for (const t of tracked) {
    stats.checks++;
    const s = found.get(t.id);
    if (t.deleted) {
      if (s) problems.push(`${t.slug}: deleted (acknowledged) but back after the restart`);
      continue;
    }
    if (!s) {
      if (t.deleting) {
        // deleted by the request in flight: no longer ours to track
        t.deleted = true;
        continue;
      }
      problems.push(`${t.slug}: created (acknowledged) but missing after the restart`);
      stats.lost++;
      continue;
    }
    t.deleting = false;
    if (s.draft_version !== 1) problems.push(`${t.slug}: stored without its version 1`);
    const allowed = [t.description, ...(t.inFlight !== undefined ? [t.inFlight] : [])];
    if (!allowed.includes(s.description)) {
      problems.push(
        `${t.slug}: description ${JSON.stringify(s.description)}, expected ${allowed.map((a) => JSON.stringify(a)).join(' or ')}`,
      );
      stats.lost++;
    }
    // Whatever the in-flight update did is now the state.
    t.description = s.description;
    t.inFlight = undefined;
  }
  // The idempotency record was committed with the create: its key still replays it.
  const sample = tracked.filter((t) => !t.deleted).slice(-3);
  for (const t of sample) {
    const res = await fetch(services, { method: 'POST', headers: { ...headers, 'Idempotency-Key': t.key }, body: JSON.stringify(t.body) });
    const body = (await res.json()) as { id?: string };
    if (res.status !== 201 || body.id !== t.id)
      problems.push(`${t.slug}: its Idempotency-Key no longer replays the create (${res.status})`);
  }
}

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'mock-crash-'));
  const dataFile = join(dir, 'state.sqlite');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}/api/v1`;
  const tracked: Tracked[][] = Array.from({ length: CLIENTS }, () => []);
  const t0 = Date.now();
  let rounds = 0;
  let child: ChildProcess | undefined;
  try {
    for (let round = 1; round <= ROUNDS && (Date.now() - t0) / 1000 < MAX_SECONDS; round++) {
      const s0 = performance.now();
      child = startMock(port, dataFile);
      await waitReady(base, child);
      stats.restartsMs.push(performance.now() - s0);
      const headers = await signIn(base);
      if (round > 1) await verify(base, headers, tracked.flat());

      const stop = { dead: false };
      const writers = tracked.map((mine, n) =>
        client(base, headers, round, n, mine, stop).catch((e: unknown) => {
          problems.push(`client ${n}: ${e instanceof Error ? e.message : String(e)}`);
        }),
      );
      await sleep(100 + Math.random() * 500);
      stop.dead = true;
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGKILL');
      await exited;
      await Promise.all(writers);
      rounds = round;
    }
    // A last start: the state opens, and everything acknowledged is there.
    child = startMock(port, dataFile);
    await waitReady(base, child);
    await verify(base, await signIn(base), tracked.flat());
    child.kill('SIGTERM');
    await new Promise((r) => child!.once('exit', r));
    const db = new Database(dataFile, { readonly: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    db.close();
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);

    const seconds = (Date.now() - t0) / 1000;
    const restarts = [...stats.restartsMs].sort((a, b) => a - b);
    const acknowledged = stats.creates + stats.updates + stats.deletes;
    console.log(`${rounds} SIGKILLs in ${seconds.toFixed(1)} s, ${CLIENTS} concurrent clients`);
    console.log(
      `acknowledged writes: ${acknowledged} (${stats.creates} creates, ${stats.updates} updates, ${stats.deletes} deletes); in flight when killed: ${stats.unacknowledged}`,
    );
    console.log(
      `checks after restarts: ${stats.checks}; acknowledged writes lost: ${stats.lost}; the state opened ${rounds + 1} times of ${rounds + 1}; integrity_check: ${String(integrity)}`,
    );
    console.log(
      `restart (spawn to listening): median ${restarts[Math.floor(restarts.length / 2)]!.toFixed(0)} ms, max ${restarts[restarts.length - 1]!.toFixed(0)} ms`,
    );
    if (problems.length) {
      for (const p of problems.slice(0, 20)) console.error(`FAIL: ${p}`);
      return 1;
    }
    console.log('OK: every acknowledged write survived every kill');
    return 0;
  } finally {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

// A failure is thrown out of the top-level await: Node prints it and exits with 1.
process.exit(await main());
