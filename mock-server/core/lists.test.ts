/** The one list helper: filter, search, sort, page — whatever the rows are. */
import { describe, expect, it } from 'vitest';
import { listPage, time, type ListSpec } from './lists';

type Row = { id: string; name: string; status: string; at: string | null; note: string | null };
const rows: Row[] = [
  { id: 'a', name: 'alpha', status: 'active', at: '2025-01-01T00:00:00.000Z', note: 'first' },
  { id: 'b', name: 'Bravo', status: 'draft', at: null, note: null },
  { id: 'c', name: 'charlie', status: 'active', at: '2025-01-03T00:00:00.000Z', note: 'third' },
  { id: 'd', name: 'delta', status: 'active', at: '2025-01-03T00:00:00.000Z', note: 'same moment as charlie' },
  { id: 'e', name: 'v10', status: 'archived', at: '2025-01-02T00:00:00.000Z', note: null },
  { id: 'f', name: 'v9', status: 'archived', at: '2025-01-02T00:00:00.000Z', note: null },
];
const spec: ListSpec<Row> = {
  sort: { at: (r) => time(r.at), name: (r) => r.name },
  text: (r) => [r.name, r.note],
  status: (r) => r.status,
};
const ids = (q: Parameters<typeof listPage>[1]) => listPage(rows, q, spec).items.map((r) => r.id);
const page = { limit: 25, offset: 0 };

describe('listPage', () => {
  it('sorts newest first, ties in the reverse of the order the rows came in, rows without a value last', () => {
    expect(ids({ ...page, sort: 'at', order: 'desc' })).toEqual(['d', 'c', 'f', 'e', 'a', 'b']);
    expect(ids({ ...page, sort: 'at', order: 'asc' })).toEqual(['a', 'e', 'f', 'c', 'd', 'b']);
  });

  it('sorts text as people read it: case aside, numbers by value', () => {
    expect(ids({ ...page, sort: 'name', order: 'asc' })).toEqual(['a', 'b', 'c', 'd', 'f', 'e']);
    expect(ids({ ...page, sort: 'name', order: 'desc' })).toEqual(['e', 'f', 'd', 'c', 'b', 'a']);
  });

  it('keeps the rows’ own order without a sort, and reverses it for desc', () => {
    expect(ids(page)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(ids({ ...page, order: 'desc' })).toEqual(['f', 'e', 'd', 'c', 'b', 'a']);
  });

  it('filters by status and searches the text fields, ignoring case', () => {
    expect(ids({ ...page, status: 'archived' })).toEqual(['e', 'f']);
    expect(ids({ ...page, search: 'CHARLIE' })).toEqual(['c', 'd']);
    expect(ids({ ...page, search: 'charlie', status: 'active', sort: 'name', order: 'desc' })).toEqual(['d', 'c']);
    expect(ids({ ...page, search: 'nothing like it' })).toEqual([]);
  });

  it('pages after filtering and sorting, and counts what matched', () => {
    expect(listPage(rows, { limit: 2, offset: 1, sort: 'name', order: 'asc', status: 'active' }, spec)).toEqual({
      items: [rows[2], rows[3]],
      total: 3,
      limit: 2,
      offset: 1,
    });
    expect(listPage(rows, { limit: 2, offset: 10 }, spec)).toEqual({ items: [], total: 6, limit: 2, offset: 10 });
  });

  it('ignores status on a list whose rows have none, and search on one with no text', () => {
    const bare: ListSpec<Row> = { sort: { name: (r) => r.name } };
    expect(listPage(rows, { ...page, status: 'draft', search: 'zzz' }, bare).total).toBe(6);
  });

  it('is a bug, not an answer, to sort by a field the list does not define', () => {
    expect(() => ids({ ...page, sort: 'colour' })).toThrow(/no sort key for colour/);
  });
});
