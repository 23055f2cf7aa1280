import type { PageRead } from '@/contract/reading';

/** The largest page the platform gives (seed 001: `limit` at most 100). */
export const MAX_PAGE = 100;
/** A list longer than this is not read whole (10,000 rows): what was read is kept, and `complete` says so. */
const MAX_PAGES = 100;

export type AllPagesRead<T> = PageRead<T> & {
  /** False when the list was not read to its end (longer than the console reads, or the platform did not page as asked). */
  complete: boolean;
};

/**
 * A whole list, page after page of the largest size, where a page needs every
 * row (the traffic split, a ring picker, the bindings' instances) rather than
 * the first hundred. It stops at the end, at a page that brings nothing, or
 * where the platform does not page as asked: a bare array or an envelope
 * without `total` is the whole answer, and an `offset` it did not honour
 * would only repeat rows.
 */
export async function readAllPages<T>(
  readPage: (page: { limit: number; offset?: number }) => Promise<PageRead<T>>,
): Promise<AllPagesRead<T>> {
  // The first page without an offset: the same URL the first load may have sent early (app/early-requests.ts).
  const first = await readPage({ limit: MAX_PAGE });
  const items = [...first.items];
  const invalid = [...first.invalid];
  let read = items.length + invalid.length;
  const done = (complete: boolean): AllPagesRead<T> => ({ ...first, items, invalid, limit: read, offset: 0, complete });
  if (!first.paged) return done(true);
  for (let pages = 1; read < first.total; pages++) {
    if (pages >= MAX_PAGES) return done(false);
    const next = await readPage({ limit: MAX_PAGE, offset: read });
    const count = next.items.length + next.invalid.length;
    if (next.offset !== read || count === 0) return done(false);
    items.push(...next.items);
    invalid.push(...next.invalid);
    read += count;
  }
  return done(true);
}
