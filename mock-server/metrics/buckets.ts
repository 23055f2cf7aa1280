/**
 * Pre-aggregated request metrics (CONTRACT §12): per service, version, path
 * and time bucket, the request count, 4xx and 5xx counts, and a latency
 * sketch (sketch.ts), in a table of the state's database. A metrics query
 * reads these rows, never the records, so its cost depends on the window and
 * the number of versions, not on how many calls were made.
 *
 * Three resolutions, each kept as long as the windows that read it need, so
 * every window reads a bounded number of rows per version (its buckets, or
 * two per bucket for `1h`):
 *
 *   30 s   kept 2 h     → 15m (30 buckets) and 1h (60 steps of 60 s, 120 rows)
 *   300 s  kept 25 h    → 6h (72) and 24h (96 steps of 900 s, 288 rows)
 *   3600 s kept 7 d 1 h → 7d (168)
 *
 * Each call is counted under its path template (a `path` query reads those)
 * and under `*`, every path (what a query without `path` reads), so a query
 * never adds up paths. Calls with no version chosen (a 401, an unknown
 * version) are under version 0: in a service's totals, in no version's.
 *
 * The request log hands each batch it writes to `written`, in the same
 * transaction, so records and buckets agree on disk; a batch's rows are
 * merged into the stored ones (read, add, write back).
 */
import type Database from 'better-sqlite3';
import { errorRate, WINDOW_SPECS, type MetricsTotals, type MetricsWindow } from '../../src/contract/metrics';
import type { SqlTables } from '../core/store';
import { iso } from '../core/time';
import type { RequestEntry } from '../requests/records';
import type { LogListener } from '../requests/log';
import { LatencySketch } from './sketch';

export const BUCKETS_TABLE = 'request_buckets';
/** The path key of the rows that count every path. */
export const ALL_PATHS = '*';

const HOUR = 3_600_000;
export const RESOLUTIONS = [
  { seconds: 30, keepMs: 2 * HOUR },
  { seconds: 300, keepMs: 25 * HOUR },
  { seconds: 3600, keepMs: 7 * 24 * HOUR + HOUR },
] as const;

export const BUCKET_TABLE_DDL = [
  `CREATE TABLE IF NOT EXISTS ${BUCKETS_TABLE} (
    service_id TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    resolution INTEGER NOT NULL,
    path TEXT NOT NULL,
    start INTEGER NOT NULL,
    version INTEGER NOT NULL,
    requests INTEGER NOT NULL,
    errors_4xx INTEGER NOT NULL,
    errors_5xx INTEGER NOT NULL,
    sketch BLOB NOT NULL,
    PRIMARY KEY (service_id, resolution, path, start, version)
  ) WITHOUT ROWID`,
  `CREATE INDEX IF NOT EXISTS ${BUCKETS_TABLE}_workspace ON ${BUCKETS_TABLE} (workspace_id, resolution, path, start)`,
  `CREATE INDEX IF NOT EXISTS ${BUCKETS_TABLE}_age ON ${BUCKETS_TABLE} (resolution, start)`,
];

/** Counts and a sketch: a bucket, a point, or a window's totals, as they add up. */
class Tally {
  requests = 0;
  errors4xx = 0;
  errors5xx = 0;
  readonly sketch = new LatencySketch();

  addRow(r: { requests: number; errors_4xx: number; errors_5xx: number; sketch: Uint8Array | null }): void {
    this.requests += r.requests;
    this.errors4xx += r.errors_4xx;
    this.errors5xx += r.errors_5xx;
    this.sketch.mergeEncoded(r.sketch);
  }

  addTally(t: Tally): void {
    this.requests += t.requests;
    this.errors4xx += t.errors4xx;
    this.errors5xx += t.errors5xx;
    this.sketch.merge(t.sketch);
  }

  percentiles() {
    const [p50, p95, p99] = this.sketch.quantiles([0.5, 0.95, 0.99]).map((v) => (v === null ? null : Math.round(v * 100) / 100));
    return { p50_ms: p50!, p95_ms: p95!, p99_ms: p99! };
  }

  totals(): MetricsTotals {
    return {
      requests: this.requests,
      errors_4xx: this.errors4xx,
      errors_5xx: this.errors5xx,
      error_rate: errorRate(this.requests, this.errors5xx),
      ...this.percentiles(),
    };
  }
}

interface BucketRow {
  service_id: string;
  version: number;
  start: number;
  requests: number;
  errors_4xx: number;
  errors_5xx: number;
  sketch: Uint8Array;
}

/** A window as the contract cuts it: its steps, the resolution that serves them, and the buckets' starts. */
export function windowOf(window: MetricsWindow, now: number) {
  const spec = WINDOW_SPECS[window];
  const step = spec.step_seconds * 1000;
  const count = spec.seconds / spec.step_seconds;
  const resolution = [...RESOLUTIONS]
    .reverse()
    .find((r) => spec.step_seconds % r.seconds === 0 && r.keepMs >= (spec.seconds + spec.step_seconds) * 1000)!;
  // Buckets align to the step; the last one holds now.
  const last = Math.floor(now / step) * step;
  const first = last - (count - 1) * step;
  return { step, count, resolution: resolution.seconds, first, end: last + step };
}

export class MetricsBuckets implements LogListener {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly sql: SqlTables,
    /** The clock's now: buckets already past their resolution's retention are not written. */
    private readonly now: () => number,
  ) {}

  private statement(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.sql.prepare(sql)));
    return s;
  }

  // ---- writing (the log's listener) ------------------------------------------------

  written(entries: readonly RequestEntry[]): void {
    if (!entries.length) return;
    const now = this.now();
    const batch = new Map<
      string,
      { service: string; workspace: string; res: number; path: string; start: number; version: number; t: Tally }
    >();
    for (const e of entries) {
      const r = e.record;
      const version = r.version ?? 0;
      for (const res of RESOLUTIONS) {
        const size = res.seconds * 1000;
        const start = Math.floor(e.at / size) * size;
        if (start + size < now - res.keepMs) continue;
        for (const path of e.templated ? [ALL_PATHS, r.path] : [ALL_PATHS]) {
          const key = `${r.service_id}\t${res.seconds}\t${path}\t${start}\t${version}`;
          let b = batch.get(key);
          if (!b)
            batch.set(
              key,
              (b = { service: r.service_id, workspace: e.workspace_id, res: res.seconds, path, start, version, t: new Tally() }),
            );
          b.t.requests++;
          if (r.status >= 400 && r.status < 500) b.t.errors4xx++;
          if (r.status >= 500) b.t.errors5xx++;
          b.t.sketch.add(r.duration_ms);
        }
      }
    }
    const read = this.statement(
      `SELECT requests, errors_4xx, errors_5xx, sketch FROM ${BUCKETS_TABLE} WHERE service_id = ? AND resolution = ? AND path = ? AND start = ? AND version = ?`,
    );
    const write = this.statement(
      `INSERT INTO ${BUCKETS_TABLE} (service_id, workspace_id, resolution, path, start, version, requests, errors_4xx, errors_5xx, sketch)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (service_id, resolution, path, start, version) DO UPDATE SET
         requests = excluded.requests, errors_4xx = excluded.errors_4xx, errors_5xx = excluded.errors_5xx, sketch = excluded.sketch`,
    );
    for (const b of batch.values()) {
      const stored = read.get(b.service, b.res, b.path, b.start, b.version) as BucketRow | undefined;
      if (stored) b.t.addRow(stored);
      write.run(b.service, b.workspace, b.res, b.path, b.start, b.version, b.t.requests, b.t.errors4xx, b.t.errors5xx, b.t.sketch.encode());
    }
  }

  swept(now: number): void {
    for (const res of RESOLUTIONS)
      this.statement(`DELETE FROM ${BUCKETS_TABLE} WHERE resolution = ? AND start < ?`).run(
        res.seconds,
        now - res.keepMs - res.seconds * 1000,
      );
  }

  forgot(serviceId: string): void {
    this.statement(`DELETE FROM ${BUCKETS_TABLE} WHERE service_id = ?`).run(serviceId);
  }

  // ---- reading ---------------------------------------------------------------------

  /**
   * A service's metrics over a window: every bucket of the window for each
   * version (those with traffic in it, and `alsoVersions`: the ones serving
   * now), and totals per version and for the service (version 0 included).
   */
  service(serviceId: string, q: { window: MetricsWindow; version?: number; path?: string }, now: number, alsoVersions: readonly number[]) {
    const w = windowOf(q.window, now);
    const rows = this.statement(
      `SELECT version, start, requests, errors_4xx, errors_5xx, sketch FROM ${BUCKETS_TABLE}
       WHERE service_id = ? AND resolution = ? AND path = ? AND start >= ? AND start < ?`,
    ).all(serviceId, w.resolution, q.path ?? ALL_PATHS, w.first, w.end) as BucketRow[];
    const overall = new Tally();
    const byVersion = new Map<number, Tally[]>();
    const pointsOf = (version: number) => {
      let points = byVersion.get(version);
      if (!points) byVersion.set(version, (points = Array.from({ length: w.count }, () => new Tally())));
      return points;
    };
    for (const v of q.version === undefined ? alsoVersions : [q.version]) pointsOf(v);
    for (const r of rows) {
      if (q.version !== undefined && r.version !== q.version) continue;
      overall.addRow(r);
      if (r.version === 0) continue;
      pointsOf(r.version)[Math.floor((r.start - w.first) / w.step)]!.addRow(r);
    }
    const versions = [...byVersion]
      .sort(([a], [b]) => a - b)
      .map(([version, points]) => {
        const totals = new Tally();
        for (const p of points) totals.addTally(p);
        return {
          version,
          totals: totals.totals(),
          points: points.map((p, i) => ({
            t: iso(w.first + i * w.step),
            requests: p.requests,
            errors_4xx: p.errors4xx,
            errors_5xx: p.errors5xx,
            ...p.percentiles(),
          })),
        };
      });
    return {
      window: q.window,
      step_seconds: w.step / 1000,
      from: iso(w.first),
      to: iso(now),
      totals: overall.totals(),
      versions,
    };
  }

  /** Totals per service and version over a window, for the services of a workspace with traffic in it (or those named). */
  workspace(workspaceId: string, window: MetricsWindow, now: number, serviceIds?: readonly string[]) {
    const w = windowOf(window, now);
    const rows: BucketRow[] = serviceIds
      ? serviceIds.flatMap(
          (id) =>
            this.statement(
              `SELECT service_id, version, requests, errors_4xx, errors_5xx, sketch FROM ${BUCKETS_TABLE}
               WHERE service_id = ? AND resolution = ? AND path = ? AND start >= ? AND start < ? AND workspace_id = ?`,
            ).all(id, w.resolution, ALL_PATHS, w.first, w.end, workspaceId) as BucketRow[],
        )
      : (this.statement(
          `SELECT service_id, version, requests, errors_4xx, errors_5xx, sketch FROM ${BUCKETS_TABLE}
           WHERE workspace_id = ? AND resolution = ? AND path = ? AND start >= ? AND start < ?`,
        ).all(workspaceId, w.resolution, ALL_PATHS, w.first, w.end) as BucketRow[]);
    const services = new Map<string, { overall: Tally; versions: Map<number, Tally> }>();
    // Each row is read once, into its version's tally (version 0: no version chosen, the service's totals only).
    for (const r of rows) {
      let s = services.get(r.service_id);
      if (!s) services.set(r.service_id, (s = { overall: new Tally(), versions: new Map() }));
      if (r.version === 0) {
        s.overall.addRow(r);
        continue;
      }
      let v = s.versions.get(r.version);
      if (!v) s.versions.set(r.version, (v = new Tally()));
      v.addRow(r);
    }
    return [...services].map(([service_id, s]) => {
      const versions = [...s.versions].sort(([a], [b]) => a - b);
      for (const [, t] of versions) s.overall.addTally(t);
      return { service_id, totals: s.overall.totals(), versions: versions.map(([version, t]) => ({ version, totals: t.totals() })) };
    });
  }
}
