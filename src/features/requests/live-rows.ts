import type { RequestRecordRead } from '@/contract/requests';

/**
 * The records the live tail brought, newest first: those shown above the
 * log's pages, and those held back while the reader is scrolled away from the
 * top (so the list does not move under them), until they ask to see them.
 */
export type LiveRows = { shown: RequestRecordRead[]; held: RequestRecordRead[] };

export const NO_LIVE_ROWS: LiveRows = { shown: [], held: [] };

/** At most this many live rows are kept on screen; older ones stay reachable by reloading and paging. */
export const MAX_LIVE_ROWS = 500;

/** A record arrives: to the top when the reader is there, else held. One already seen is ignored (a resumed stream may repeat it). */
export function arrive(rows: LiveRows, record: RequestRecordRead, atTop: boolean): LiveRows {
  if (rows.shown.some((r) => r.id === record.id) || rows.held.some((r) => r.id === record.id)) return rows;
  return atTop
    ? { shown: [record, ...rows.shown].slice(0, MAX_LIVE_ROWS), held: rows.held }
    : { shown: rows.shown, held: [record, ...rows.held].slice(0, MAX_LIVE_ROWS) };
}

/** The reader asks for the held records (or came back to the top): they join the top. */
export function release(rows: LiveRows): LiveRows {
  if (rows.held.length === 0) return rows;
  return { shown: [...rows.held, ...rows.shown].slice(0, MAX_LIVE_ROWS), held: [] };
}

/** The rows to draw: the live ones, then the log's pages, each record once. */
export function mergeRows(live: readonly RequestRecordRead[], pages: readonly (readonly RequestRecordRead[])[]): RequestRecordRead[] {
  const seen = new Set<string>();
  const rows: RequestRecordRead[] = [];
  for (const r of [live, ...pages].flat()) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    rows.push(r);
  }
  return rows;
}
