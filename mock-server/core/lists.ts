/**
 * One way to answer a list: filter, search, sort, page (seed 001's common list
 * parameters: `limit` default 25 max 100, `offset`, `sort`, `order` default
 * desc, `search`, `status`; the contract's `listQuery` checks them, so a bad
 * one is a 422 on its field before a handler runs). Domain-free: a list says
 * what each parameter means for its rows with a `ListSpec`.
 *
 * Where they mean something — the decision, list by list (CONTRACT §14: the
 * default sort is the record's creation, newest first, except rings):
 *
 * | list | sort (default first) | search | status |
 * | --- | --- | --- | --- |
 * | hosted services | created_at, updated_at, name, slug, status | name, description | the service's |
 * | versions | created_at, version, published_at, traffic_percent, status | `v3`, its endpoints' method, path, summary | the version's (our extension) |
 * | endpoints | created_at, updated_at, path, method | path, summary, description | — |
 * | rings | position (ascending) unless `sort` is given; name, created_at, updated_at | name, description | — |
 * | connector types | the catalog's order unless `sort` is given; name, category | id, name, description | — |
 * | connector instances | created_at, updated_at, name | name, description | — |
 * | an instance's DDL history | executed_at | SQL, reason, who | — |
 * | API keys | created_at, name, last_used_at | name, prefix | — (`revoked_at` says it) |
 * | organizations, workspaces | created_at, name, slug | name, slug | — |
 * | minted tokens | issued_at, expires_at | jti, who minted | the token's |
 * | revocations | revoked_at, expires_at | jti, reason, who revoked | — (`include_expired`) |
 * | activity | at | summary, who | — (`kind`) |
 * | deployment history | started_at, finished_at | kind, message, who | — (a state that moves, not a status) |
 * | agent deployments | created_at, updated_at, name | name, description | — |
 * | agent service instances | created_at, updated_at | id, version | the instance's |
 * | rollouts | created_at, finished_at | who started it, its events' reasons | the rollout's |
 * | users (users/rules.ts, sorted with its invitations) | created_at, name, email, role | name, email | active or invited |
 *
 * A service's request log is the exception: a log read by cursor, newest first
 * (`limit` default 50 max 200, `before`; CONTRACT §12).
 *
 * The services list keeps its own indexes for large workspaces
 * (services/search.ts); the others are short enough to sort on each read.
 * Async jobs have no list (a batch is read by ids).
 */
import type { Page } from '../../src/contract/common';

/** What a row is sorted by: text (by a collator: "Zeta" after "alpha", "v10" after "v9"), a number, or nothing (last). */
export type SortKey = string | number | null;

export interface ListSpec<T> {
  /** The fields `sort` may name (the contract's enum), each with what a row is sorted by. */
  sort: Record<string, (row: T) => SortKey>;
  /**
   * Orders rows whose sort keys are equal, so a page boundary never splits them
   * at random; by default, the order the rows came in (as stored: oldest first),
   * so that ties read newest first when the list does.
   */
  tiebreak?: (row: T) => SortKey;
  /** The text `search` looks in (any of them containing the term, ignoring case). */
  text?: (row: T) => readonly (string | null | undefined)[];
  /** The row's status, for `?status=`. */
  status?: (row: T) => string;
}

/** The parameters as the contract's query schemas give them; `sort` unset keeps the rows' own order. */
export interface ListParams {
  limit: number;
  offset: number;
  sort?: string;
  order?: 'asc' | 'desc';
  search?: string;
  status?: string;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function compareKeys(a: SortKey, b: SortKey): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** An ISO 8601 time as a sort key (null stays null: such rows go last). */
export const time = (iso: string | null | undefined): number | null => (iso ? Date.parse(iso) : null);

/**
 * The rows a list answers with: those with `status` and containing `search`,
 * sorted by `sort` (ascending, or the given order reversed for `desc`; rows
 * without a value last either way), then the page `offset`…`offset + limit`.
 * `rows` come in their own order (as stored: oldest first, a ring's position,
 * the catalog's), which breaks ties; without `sort` they keep it (`desc`
 * reverses it).
 */
export function listPage<T>(rows: readonly T[], q: ListParams, spec: ListSpec<T>): Page<T> {
  const term = q.search?.toLowerCase();
  const matching = rows.filter(
    (row) =>
      (!q.status || !spec.status || spec.status(row) === q.status) &&
      (!term || !spec.text || spec.text(row).some((t) => t != null && t.toLowerCase().includes(term))),
  );
  let sorted: T[];
  if (q.sort === undefined) {
    sorted = q.order === 'desc' ? matching.reverse() : matching;
  } else {
    const key = spec.sort[q.sort];
    if (!key) throw new Error(`listPage: no sort key for ${q.sort}`);
    const keyed = matching.map((row, i) => ({ row, key: key(row), tie: spec.tiebreak ? spec.tiebreak(row) : i }));
    const direction = q.order === 'asc' ? 1 : -1;
    keyed.sort((a, b) => {
      // Rows without a value go last whatever the order; the others follow it, ties included.
      if (a.key === null || b.key === null) return compareKeys(a.key, b.key) || direction * compareKeys(a.tie, b.tie);
      return direction * (compareKeys(a.key, b.key) || compareKeys(a.tie, b.tie));
    });
    sorted = keyed.map((k) => k.row);
  }
  return paginate(sorted, q);
}

export function paginate<T>(all: readonly T[], q: { limit: number; offset: number }): Page<T> {
  return { items: all.slice(q.offset, q.offset + q.limit), total: all.length, limit: q.limit, offset: q.offset };
}

/** "invoice-extractor, fraud-scorer and 3 more": at most five names. */
export function nameList(names: string[]): string {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}
