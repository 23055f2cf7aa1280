import { describe, expect, it } from 'vitest';
import type { PageRead } from '@/contract/reading';
import { readAllPages } from './all-pages';

const rows = Array.from({ length: 250 }, (_, i) => i);

/** A platform that pages as asked, with one unreadable row at 120. */
type Asked = { limit: number; offset?: number };
const paging =
  (asked: Asked[]) =>
  async (q: Asked): Promise<PageRead<number>> => {
    asked.push(q);
    const offset = q.offset ?? 0;
    const slice = rows.slice(offset, offset + q.limit);
    return {
      items: slice.filter((n) => n !== 120),
      invalid: slice.includes(120) ? [{ index: 120, id: null, message: 'bad' }] : [],
      total: rows.length,
      limit: q.limit,
      offset,
      paged: true,
    };
  };

describe('readAllPages', () => {
  it('reads page after page of 100 to the end, the unreadable rows kept', async () => {
    const asked: Asked[] = [];
    const all = await readAllPages(paging(asked));
    expect(asked).toEqual([{ limit: 100 }, { limit: 100, offset: 100 }, { limit: 100, offset: 200 }]);
    expect(all.items).toHaveLength(249);
    expect(all.invalid).toEqual([{ index: 120, id: null, message: 'bad' }]);
    expect(all).toMatchObject({ total: 250, limit: 250, offset: 0, complete: true });
  });

  it('takes a bare array as the whole list', async () => {
    let calls = 0;
    const all = await readAllPages(async () => {
      calls++;
      return { items: [1, 2, 3], invalid: [], total: 3, limit: 3, offset: 0, paged: false };
    });
    expect(calls).toBe(1);
    expect(all).toMatchObject({ items: [1, 2, 3], complete: true });
  });

  it('stops, and says the list is not whole, where the platform does not honour offset', async () => {
    let calls = 0;
    const all = await readAllPages(async () => {
      calls++;
      return { items: rows.slice(0, 100), invalid: [], total: 250, limit: 100, offset: 0, paged: true };
    });
    expect(calls).toBe(2);
    expect(all).toMatchObject({ total: 250, complete: false });
    expect(all.items).toHaveLength(100);
  });

  it('stops at a page that brings nothing (the list shrank while read)', async () => {
    const all = await readAllPages(async (q) => ({
      items: q.offset === undefined ? rows.slice(0, 100) : [],
      invalid: [],
      total: 250,
      limit: 100,
      offset: q.offset ?? 0,
      paged: true,
    }));
    expect(all).toMatchObject({ complete: false });
    expect(all.items).toHaveLength(100);
  });
});
