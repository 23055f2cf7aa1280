/**
 * The request log (CONTRACT §12): every call the gateway answers, in a table
 * of its own in the state's database (core/persistence.ts `OwnTables`), not a
 * collection held in memory — a million records must cost what a query reads,
 * not what is stored.
 *
 * Writes are telemetry, batched off the request's path: `record` puts the
 * record in a buffer (and hands it to the live streams) and returns; the
 * buffer is written in one transaction every `FLUSH_MS` (an unref'd timer,
 * armed only while something waits), at once when it holds `FLUSH_AT`
 * records (on the next turn of the event loop), before any read, and on close.
 * A crash loses at most the last fraction of a second of records; an orderly
 * close loses none. Whoever aggregates the records (metrics/) is handed each
 * batch inside the same transaction (`onFlush`), so records and aggregates
 * never disagree on disk.
 *
 * Order: `seq` (the rowid) grows with every record and the log keeps `time`
 * non-decreasing along it, so "newest first" is `seq` descending, a time range
 * is a `seq` range (found on the `time` index), and every filter's index
 * (`service_id, <column>`, which SQLite ends with the rowid) reads a page in
 * order and stops at its end. Retention: records older than 7 days are dropped
 * at most every ten minutes of the clock, with a flush.
 */
import type Database from 'better-sqlite3';
import type { CallerKind, RequestRecord } from '../../src/contract/requests';
import type { Clock } from '../core/clock';
import type { SqlTables } from '../core/store';
import { iso } from '../core/time';
import type { CallRecord, RequestEntry } from './records';
import { RETENTION_MS, whereOf, type Filters } from './rules';

export const REQUESTS_TABLE = 'request_records';

/**
 * The indexes, each ending in seq (SQLite ends every index with the rowid): a
 * service's records newest first, by id, and with one filter each — a status
 * class (an exact code reads its class's index too), a version, a path, a
 * method. A search filters the rows an index gives (a part of a string has no index). `time` turns times into seq
 * ranges and drives retention; it is appended to in order, so cheap to keep.
 */
const REQUEST_INDEXES = [
  `CREATE INDEX IF NOT EXISTS ${REQUESTS_TABLE}_service ON ${REQUESTS_TABLE} (service_id)`,
  `CREATE INDEX IF NOT EXISTS ${REQUESTS_TABLE}_id ON ${REQUESTS_TABLE} (service_id, id)`,
  `CREATE INDEX IF NOT EXISTS ${REQUESTS_TABLE}_status ON ${REQUESTS_TABLE} (service_id, status_class)`,
  `CREATE INDEX IF NOT EXISTS ${REQUESTS_TABLE}_version ON ${REQUESTS_TABLE} (service_id, version)`,
  `CREATE INDEX IF NOT EXISTS ${REQUESTS_TABLE}_path ON ${REQUESTS_TABLE} (service_id, path)`,
  `CREATE INDEX IF NOT EXISTS ${REQUESTS_TABLE}_method ON ${REQUESTS_TABLE} (service_id, method)`,
  `CREATE INDEX IF NOT EXISTS ${REQUESTS_TABLE}_time ON ${REQUESTS_TABLE} (time)`,
];

/** The log's table and indexes (core/persistence.ts runs them on every open). */
export const REQUEST_TABLE_DDL = [
  `CREATE TABLE IF NOT EXISTS ${REQUESTS_TABLE} (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    service_id TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    time INTEGER NOT NULL,
    version INTEGER,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    templated INTEGER NOT NULL,
    status INTEGER NOT NULL,
    status_class INTEGER NOT NULL,
    duration_ms REAL NOT NULL,
    caller TEXT NOT NULL,
    async INTEGER NOT NULL,
    job_id TEXT
  )`,
  ...REQUEST_INDEXES,
];

/** How long a record waits in the buffer at most, ms. */
export const FLUSH_MS = 200;
/** A buffer this large is written on the next turn of the event loop. */
const FLUSH_AT = 1000;
const SWEEP_EVERY_MS = 10 * 60_000;
/** Statements for filter combinations, kept once prepared (there are a few dozen at most). */
const STATEMENTS_MAX = 256;

interface Row {
  seq: number;
  id: string;
  service_id: string;
  workspace_id: string;
  time: number;
  version: number | null;
  method: string;
  path: string;
  templated: number;
  status: number;
  duration_ms: number;
  caller: string;
  async: number;
  job_id: string | null;
}

const COLUMNS = 'seq, id, service_id, workspace_id, time, version, method, path, templated, status, duration_ms, caller, async, job_id';

function entryOf(r: Row): RequestEntry {
  return {
    seq: r.seq,
    at: r.time,
    workspace_id: r.workspace_id,
    templated: r.templated === 1,
    record: {
      id: r.id,
      time: iso(r.time),
      service_id: r.service_id,
      version: r.version,
      method: r.method,
      path: r.path,
      status: r.status,
      duration_ms: r.duration_ms,
      caller: r.caller as CallerKind,
      async: r.async === 1,
      job_id: r.job_id,
    },
  };
}

/** A call as a rollout's analysis reads it. */
export interface VersionCall {
  seq: number;
  /** ms since the epoch, on the platform's clock. */
  time: number;
  status: number;
  duration_ms: number;
}

/** A live stream's hold on the log: new records of its service, and the end (the platform closing). */
export interface Subscriber {
  serviceId: string;
  push(entry: RequestEntry): void;
  end(): void;
}

/** Told of each batch written (inside its transaction): the aggregates (metrics/). */
export interface LogListener {
  written(entries: readonly RequestEntry[]): void;
  /** Everything older than `cutoff` (ms) is being dropped; `now` is the clock's. */
  swept(now: number): void;
  /** A deleted service's records are being dropped. */
  forgot(serviceId: string): void;
}

export class RequestLog {
  private buffer: RequestEntry[] = [];
  /** `service\nid` of the buffered records. */
  private readonly bufferedIds = new Set<string>();
  /** `service\nid` of the calls under way that were given an id the caller chose (`claim`). */
  private readonly inflight = new Set<string>();
  private counters: { seq: number; at: number } | null = null;
  private timer: NodeJS.Timeout | undefined;
  private soon: NodeJS.Immediate | undefined;
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private readonly listeners: LogListener[] = [];
  private readonly forgotten = new Set<string>();
  private lastSweep = -Infinity;
  private closed = false;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly sql: SqlTables,
    private readonly clock: Clock,
  ) {}

  // ---- writing --------------------------------------------------------------------

  /** Record a call the gateway answered: buffered, handed to the live streams, written soon. Returns the entry. */
  record(call: CallRecord): RequestEntry {
    const counters = this.countersNow();
    // Never before the last record: `seq` order is time order (see the header).
    const at = Math.max(this.clock.now(), counters.at);
    counters.at = at;
    const { workspace_id, templated, ...rest } = call;
    const entry: RequestEntry = { seq: ++counters.seq, at, workspace_id, templated, record: { ...rest, time: iso(at) } };
    if (this.closed) return entry;
    this.buffer.push(entry);
    this.bufferedIds.add(`${call.service_id}\n${call.id}`);
    for (const s of this.subscribers.get(call.service_id) ?? []) s.push(entry);
    this.schedule();
    return entry;
  }

  /**
   * Whether `id` may name a new call of the service (no record has it, and no
   * call under way): if so it is taken until `release`, so two calls never share it.
   */
  claim(serviceId: string, id: string): boolean {
    const key = `${serviceId}\n${id}`;
    if (this.inflight.has(key) || this.bufferedIds.has(key)) return false;
    if (this.statement(`SELECT 1 FROM ${REQUESTS_TABLE} WHERE service_id = ? AND id = ? LIMIT 1`).get(serviceId, id)) return false;
    this.inflight.add(key);
    return true;
  }

  /** A claimed id's call is over (recorded by now, or not recorded at all). */
  release(serviceId: string, id: string): void {
    this.inflight.delete(`${serviceId}\n${id}`);
  }

  /** Write what is buffered (and drop what retention or a deleted service says), in one transaction. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.soon) clearImmediate(this.soon);
    this.soon = undefined;
    const now = this.clock.now();
    const forgotten = [...this.forgotten];
    const entries = forgotten.length ? this.buffer.filter((e) => !this.forgotten.has(e.record.service_id)) : this.buffer;
    this.buffer = [];
    this.bufferedIds.clear();
    this.forgotten.clear();
    const sweep = now - this.lastSweep >= SWEEP_EVERY_MS || now < this.lastSweep;
    if (!entries.length && !forgotten.length && !sweep) return;
    try {
      this.sql.transaction(() => {
        this.insert(entries);
        for (const l of this.listeners) l.written(entries);
        for (const id of forgotten) {
          this.statement(`DELETE FROM ${REQUESTS_TABLE} WHERE service_id = ?`).run(id);
          for (const l of this.listeners) l.forgot(id);
        }
        if (sweep) {
          this.statement(`DELETE FROM ${REQUESTS_TABLE} WHERE time < ?`).run(now - RETENTION_MS);
          for (const l of this.listeners) l.swept(now);
        }
      });
      if (sweep) this.lastSweep = now;
    } catch (e) {
      // Telemetry: a batch that cannot be written is lost, and the gateway goes on answering.
      console.error(`[mock] could not write ${entries.length} request records: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /**
   * Records made elsewhere (a backfill), written in order in one transaction
   * with their aggregates, in chunks so that memory stays flat. They must be
   * older than anything the log holds (it is empty after a seed). Into an
   * empty table the indexes are built once at the end, from sorted data,
   * rather than kept up to date row by row: a million records in seconds.
   */
  bulk(batches: Iterable<readonly { at: number; call: CallRecord }[]>): number {
    this.flush();
    const counters = this.countersNow();
    const empty = counters.seq === 0;
    let n = 0;
    try {
      this.backfillIn(batches, counters, empty, (k) => (n += k));
    } finally {
      // Statements prepared before the indexes were rebuilt are prepared again; a failed backfill rolled back, and so do the counters.
      this.statements.clear();
      if (n === 0) this.counters = null;
    }
    return n;
  }

  private backfillIn(
    batches: Iterable<readonly { at: number; call: CallRecord }[]>,
    counters: { seq: number; at: number },
    empty: boolean,
    written: (n: number) => void,
  ): void {
    let n = 0;
    this.sql.transaction(() => {
      if (empty)
        for (const ddl of REQUEST_INDEXES) this.sql.prepare(`DROP INDEX IF EXISTS ${/INDEX IF NOT EXISTS (\S+)/.exec(ddl)![1]}`).run();
      for (const batch of batches) {
        const entries = batch.map(({ at: when, call }): RequestEntry => {
          const at = Math.max(when, counters.at);
          counters.at = at;
          const { workspace_id, templated, ...rest } = call;
          // Written by `at`; no one reads the ISO time of a backfilled entry before it is read back from the table.
          return { seq: ++counters.seq, at, workspace_id, templated, record: { ...rest, time: '' } };
        });
        this.insert(entries);
        for (const l of this.listeners) l.written(entries);
        n += entries.length;
      }
      if (empty) for (const ddl of REQUEST_INDEXES) this.sql.prepare(ddl).run();
    });
    written(n);
  }

  private insert(entries: readonly RequestEntry[]): void {
    if (!entries.length) return;
    const insert = this.statement(`INSERT INTO ${REQUESTS_TABLE} (${COLUMNS}, status_class) VALUES (${'?, '.repeat(14)}?)`);
    for (const { seq, at, workspace_id, templated, record: r } of entries) {
      insert.run(
        seq,
        r.id,
        r.service_id,
        workspace_id,
        at,
        r.version,
        r.method,
        r.path,
        templated ? 1 : 0,
        r.status,
        r.duration_ms,
        r.caller,
        r.async ? 1 : 0,
        r.job_id,
        Math.floor(r.status / 100),
      );
    }
  }

  private schedule(): void {
    if (this.buffer.length >= FLUSH_AT) {
      this.soon ??= setImmediate(() => this.flush());
      return;
    }
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), FLUSH_MS);
    // Telemetry never keeps a process alive; close() writes what is left.
    this.timer.unref();
  }

  // ---- reading (each read writes the buffer first, so it sees the newest records) ----------

  /** A service's record by id (the newest, should ids repeat). */
  get(serviceId: string, id: string): RequestRecord | undefined {
    this.flush();
    const row = this.statement(`SELECT ${COLUMNS} FROM ${REQUESTS_TABLE} WHERE service_id = ? AND id = ? ORDER BY seq DESC LIMIT 1`).get(
      serviceId,
      id,
    ) as Row | undefined;
    return row ? entryOf(row).record : undefined;
  }

  /** Where a service's record is in the log (undefined if it is not). */
  seqOf(serviceId: string, id: string): number | undefined {
    this.flush();
    const row = this.statement(`SELECT seq FROM ${REQUESTS_TABLE} WHERE service_id = ? AND id = ? ORDER BY seq DESC LIMIT 1`).get(
      serviceId,
      id,
    ) as { seq: number } | undefined;
    return row?.seq;
  }

  /** A service's records passing the filters, newest first, before `beforeSeq` if given: at most `limit` (and whether there are more). */
  list(serviceId: string, f: Filters, limit: number, beforeSeq?: number): { entries: RequestEntry[]; more: boolean } {
    this.flush();
    const range = this.seqRange(f);
    if (!range) return { entries: [], more: false };
    const to = beforeSeq === undefined ? range.to : Math.min(range.to ?? Infinity, beforeSeq - 1);
    const where = whereOf(f, range.from, to === Infinity ? null : to);
    const rows = this.statement(`SELECT ${COLUMNS} FROM ${REQUESTS_TABLE} WHERE service_id = ?${where.sql} ORDER BY seq DESC LIMIT ?`).all(
      serviceId,
      ...where.params,
      limit + 1,
    ) as Row[];
    return { entries: rows.slice(0, limit).map(entryOf), more: rows.length > limit };
  }

  /** A service's records passing the filters after `afterSeq`, oldest first: a stream's backlog. */
  after(serviceId: string, f: Filters, afterSeq: number, limit: number): RequestEntry[] {
    this.flush();
    const range = this.seqRange(f);
    if (!range) return [];
    const where = whereOf(f, Math.max(range.from ?? 0, afterSeq + 1), range.to);
    return (
      this.statement(`SELECT ${COLUMNS} FROM ${REQUESTS_TABLE} WHERE service_id = ?${where.sql} ORDER BY seq ASC LIMIT ?`).all(
        serviceId,
        ...where.params,
        limit,
      ) as Row[]
    ).map(entryOf);
  }

  /**
   * What one version of a service answered after `sinceMs` and up to
   * `untilMs` (inclusive), oldest first, past `afterSeq`: a rollout's analysis
   * reads its canary's step with it (rollouts/measure.ts), exactly — a handful
   * of calls decides, so not from the metrics' sketches. The time bounds
   * become a `seq` range (the `time` index), read on the `(service_id, version)` index.
   */
  versionCalls(serviceId: string, version: number, sinceMs: number, untilMs: number, afterSeq = 0): VersionCall[] {
    this.flush();
    if (untilMs <= sinceMs) return [];
    const first = this.statement(`SELECT seq FROM ${REQUESTS_TABLE} WHERE time > ? ORDER BY time, seq LIMIT 1`).get(sinceMs) as
      { seq: number } | undefined;
    const last = this.statement(`SELECT seq FROM ${REQUESTS_TABLE} WHERE time <= ? ORDER BY time DESC, seq DESC LIMIT 1`).get(untilMs) as
      { seq: number } | undefined;
    if (!first || !last) return [];
    return this.statement(
      `SELECT seq, time, status, duration_ms FROM ${REQUESTS_TABLE} WHERE service_id = ? AND version = ? AND seq >= ? AND seq <= ? ORDER BY seq`,
    ).all(serviceId, version, Math.max(first.seq, afterSeq + 1), last.seq) as VersionCall[];
  }

  /** The `seq` range of `since`/`until` (null bounds: open), or null when no record lies in it. */
  private seqRange(f: Filters): { from: number | null; to: number | null } | null {
    let from: number | null = null;
    let to: number | null = null;
    if (f.since !== undefined) {
      const row = this.statement(`SELECT seq FROM ${REQUESTS_TABLE} WHERE time >= ? ORDER BY time, seq LIMIT 1`).get(f.since) as
        { seq: number } | undefined;
      if (!row) return null;
      from = row.seq;
    }
    if (f.until !== undefined) {
      const row = this.statement(`SELECT seq FROM ${REQUESTS_TABLE} WHERE time <= ? ORDER BY time DESC, seq DESC LIMIT 1`).get(f.until) as
        { seq: number } | undefined;
      if (!row) return null;
      to = row.seq;
    }
    return from !== null && to !== null && from > to ? null : { from, to };
  }

  // ---- streams and listeners ------------------------------------------------------

  /** Be handed each new record of a service as it is made; returns the way out (which leaves nothing behind). */
  subscribe(s: Subscriber): () => void {
    let set = this.subscribers.get(s.serviceId);
    if (!set) this.subscribers.set(s.serviceId, (set = new Set()));
    set.add(s);
    return () => {
      const current = this.subscribers.get(s.serviceId);
      current?.delete(s);
      if (current?.size === 0) this.subscribers.delete(s.serviceId);
    };
  }

  /** Live streams open now (a closed one leaves none behind: the tests count them). */
  get streams(): number {
    let n = 0;
    for (const set of this.subscribers.values()) n += set.size;
    return n;
  }

  /** Records waiting to be written (tests, the bench). */
  get buffered(): number {
    return this.buffer.length;
  }

  listen(l: LogListener): void {
    this.listeners.push(l);
  }

  /** A deleted service's records go with the next flush (not on the request that deleted it). */
  forget(serviceId: string): void {
    this.forgotten.add(serviceId);
    this.schedule();
  }

  /** The state was replaced (a seed, a reset): what is buffered belonged to the old one. */
  cleared(): void {
    this.buffer = [];
    this.bufferedIds.clear();
    this.forgotten.clear();
    this.counters = null;
    this.lastSweep = -Infinity;
  }

  /** An orderly stop: write what is left, and end the live streams. */
  close(): void {
    this.flush();
    this.closed = true;
    for (const set of [...this.subscribers.values()]) for (const s of [...set]) s.end();
    this.subscribers.clear();
  }

  /** A statement on the log's tables, prepared once (also for the aggregates: metrics/). */
  statement(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      if (this.statements.size >= STATEMENTS_MAX) this.statements.clear();
      this.statements.set(sql, (s = this.sql.prepare(sql)));
    }
    return s;
  }

  /** The last seq and time written, read once after a start or a reset. */
  private countersNow(): { seq: number; at: number } {
    if (!this.counters) {
      const row = this.statement(`SELECT max(seq) AS seq, max(time) AS at FROM ${REQUESTS_TABLE}`).get() as {
        seq: number | null;
        at: number | null;
      };
      this.counters = { seq: row.seq ?? 0, at: row.at ?? 0 };
    }
    return this.counters;
  }
}
