/** The short lists (organizations, workspaces, rings, connectors, revocations): paging and search. */
import * as z from 'zod/mini';
import { ListQuery } from '../../src/contract/common';

/** `limit`, `offset` and `search` of the contract's list parameters (seed 001). */
export const PageQuery = z.pick(ListQuery, { limit: true, offset: true, search: true });
/** `limit` and `offset` only. */
export const PagingQuery = z.pick(ListQuery, { limit: true, offset: true });

export function paginate<T>(all: readonly T[], q: { limit: number; offset: number }) {
  return { items: all.slice(q.offset, q.offset + q.limit), total: all.length, limit: q.limit, offset: q.offset };
}

/** Whether any of the fields contains the search term, ignoring case (no term: everything matches). */
export function matches(search: string | undefined, ...fields: (string | null)[]): boolean {
  if (!search) return true;
  const t = search.toLowerCase();
  return fields.some((f) => f !== null && f.toLowerCase().includes(t));
}

/** "invoice-extractor, fraud-scorer and 3 more": at most five names. */
export function nameList(names: string[]): string {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}
