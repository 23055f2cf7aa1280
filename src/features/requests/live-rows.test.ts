import { describe, expect, it } from 'vitest';
import type { RequestRecordRead } from '@/contract/requests';
import { requestRecord } from '@/testing/request-records';
import { arrive, MAX_LIVE_ROWS, mergeRows, NO_LIVE_ROWS, release } from './live-rows';

const rec = (id: string): RequestRecordRead =>
  requestRecord({ id, time: '2025-01-01T12:00:00Z', service_id: '0f6f2d6e-0000-4000-8000-000000001005' });
const ids = (rows: RequestRecordRead[]) => rows.map((r) => r.id);

describe('live rows', () => {
  it('puts a new record at the top while the reader is there, and holds it while they are scrolled away', () => {
    let rows = arrive(NO_LIVE_ROWS, rec('a'), true);
    rows = arrive(rows, rec('b'), true);
    expect(ids(rows.shown)).toEqual(['b', 'a']);
    rows = arrive(rows, rec('c'), false);
    rows = arrive(rows, rec('d'), false);
    expect(ids(rows.shown)).toEqual(['b', 'a']);
    expect(ids(rows.held)).toEqual(['d', 'c']);
    rows = release(rows);
    expect(ids(rows.shown)).toEqual(['d', 'c', 'b', 'a']);
    expect(rows.held).toEqual([]);
  });

  it('ignores a record it already has (a resumed stream may send it again)', () => {
    const rows = arrive(arrive(NO_LIVE_ROWS, rec('a'), false), rec('a'), true);
    expect(ids(rows.shown)).toEqual([]);
    expect(ids(rows.held)).toEqual(['a']);
  });

  it('keeps at most MAX_LIVE_ROWS', () => {
    let rows = NO_LIVE_ROWS;
    for (let i = 0; i < MAX_LIVE_ROWS + 5; i++) rows = arrive(rows, rec(`r${i}`), true);
    expect(rows.shown).toHaveLength(MAX_LIVE_ROWS);
    expect(rows.shown[0]!.id).toBe(`r${MAX_LIVE_ROWS + 4}`);
  });

  it('draws the live rows above the pages, each record once', () => {
    expect(ids(mergeRows([rec('c'), rec('b')], [[rec('b'), rec('a')], [rec('z')]]))).toEqual(['c', 'b', 'a', 'z']);
  });
});
