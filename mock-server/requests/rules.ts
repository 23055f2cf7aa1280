/**
 * The log's filters (CONTRACT §12), said once for both places that apply
 * them: as SQL on the stored records (the list, a stream's backlog) and as a
 * test of one new record (the live stream).
 */
import type { RequestFilters } from '../../src/contract/requests';
import type { RequestEntry } from './records';

/** Records older than this are dropped, and so are their buckets (CONTRACT §12). */
export const RETENTION_MS = 7 * 24 * 3600 * 1000;

/** The filters with their times read: what the log takes. */
export interface Filters {
  version?: number;
  /** A class (2 for `2xx`…) or one code. */
  statusClass?: number;
  status?: number;
  method?: string;
  path?: string;
  /** Lower-cased: part of a path or a request id, in any case. */
  search?: string;
  /** Milliseconds, inclusive. */
  since?: number;
  until?: number;
}

export function filtersOf(q: RequestFilters): Filters {
  const f: Filters = {};
  if (q.version !== undefined) f.version = q.version;
  if (typeof q.status === 'string') f.statusClass = Number(q.status[0]);
  else if (q.status !== undefined) f.status = q.status;
  if (q.method !== undefined) f.method = q.method;
  if (q.path !== undefined) f.path = q.path;
  if (q.search) f.search = q.search.toLowerCase();
  if (q.since !== undefined) f.since = Date.parse(q.since);
  if (q.until !== undefined) f.until = Date.parse(q.until);
  return f;
}

/** Whether a record passes the filters (the live stream's test). */
export function matches(e: RequestEntry, f: Filters): boolean {
  const r = e.record;
  if (f.version !== undefined && r.version !== f.version) return false;
  if (f.statusClass !== undefined && Math.floor(r.status / 100) !== f.statusClass) return false;
  if (f.status !== undefined && r.status !== f.status) return false;
  if (f.method !== undefined && r.method !== f.method) return false;
  if (f.path !== undefined && r.path !== f.path) return false;
  if (f.search !== undefined && !r.path.toLowerCase().includes(f.search) && !r.id.toLowerCase().includes(f.search)) return false;
  if (f.since !== undefined && e.at < f.since) return false;
  if (f.until !== undefined && e.at > f.until) return false;
  return true;
}

/**
 * The same filters as a WHERE clause (after `service_id = ?`) and its
 * parameters. Each equality filter has an index of its own that ends in `seq`
 * (requests/log.ts), so "newest first" reads an index backwards and stops at
 * the page's end; the times arrive as a range of `seq` (`seqFrom`, `seqTo`).
 */
export function whereOf(f: Filters, seqFrom: number | null, seqTo: number | null): { sql: string; params: (string | number)[] } {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  const eq = (column: string, value: string | number | undefined) => {
    if (value === undefined) return;
    parts.push(`${column} = ?`);
    params.push(value);
  };
  eq('version', f.version);
  // An exact code reads its class's index.
  eq('status_class', f.statusClass ?? (f.status === undefined ? undefined : Math.floor(f.status / 100)));
  eq('status', f.status);
  eq('method', f.method);
  eq('path', f.path);
  if (f.search !== undefined) {
    parts.push('(instr(lower(path), ?) > 0 OR instr(lower(id), ?) > 0)');
    params.push(f.search, f.search);
  }
  if (f.since !== undefined) {
    parts.push('time >= ?');
    params.push(f.since);
  }
  if (f.until !== undefined) {
    parts.push('time <= ?');
    params.push(f.until);
  }
  if (seqFrom !== null) {
    parts.push('seq >= ?');
    params.push(seqFrom);
  }
  if (seqTo !== null) {
    parts.push('seq <= ?');
    params.push(seqTo);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}
