import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { isFiltered, NO_FILTERS, toFilters } from './logs-filter-values';
import { LogsSearch } from './logs-search';

const read = (search: Record<string, unknown>) => z.parse(LogsSearch, search);

describe('the Logs tab’s URL', () => {
  it('reads its filters, and drops a bad one rather than failing', () => {
    expect(read({ version: '2', status: '5xx', method: 'POST', search: ' req_1 ', live: true })).toMatchObject({
      version: 2,
      status: '5xx',
      method: 'POST',
      search: 'req_1',
      live: true,
    });
    expect(read({ status: 404 }).status).toBe(404);
    expect(toFilters(read({ status: 404 }), 0).status).toBe(404);
    expect(toFilters(read({ status: '5xx' }), 0).status).toBe('5xx');
    expect(read({ version: 'two', status: '6xx', method: 'brew', since: 'yesterday', live: 'yes', range: '2h' })).toEqual({
      ...NO_FILTERS,
      live: undefined,
      request: undefined,
    });
  });

  it('makes a relative range absolute at the moment given, and keeps a custom one as it is', () => {
    const now = Date.parse('2025-01-01T12:00:00Z');
    expect(toFilters(read({ range: '1h', until: '2025-01-01T11:00:00Z' }), now)).toMatchObject({
      since: '2025-01-01T11:00:00.000Z',
      until: undefined,
    });
    expect(toFilters(read({ since: '2025-01-01T10:00:00Z', until: '2025-01-01T11:00:00Z' }), now)).toMatchObject({
      since: '2025-01-01T10:00:00Z',
      until: '2025-01-01T11:00:00Z',
    });
  });

  it('knows when the log is filtered', () => {
    expect(isFiltered(read({ live: true }))).toBe(false);
    expect(isFiltered(read({ search: 'x' }))).toBe(true);
    expect(isFiltered(read({ status: '4xx' }))).toBe(true);
    // Clearing every filter leaves Live and the open record as they were.
    const all = read({
      version: '2',
      status: '5xx',
      method: 'GET',
      path: '/a',
      search: 'x',
      since: '2025-01-01T10:00:00Z',
      live: true,
      request: 'req_1',
    });
    expect({ ...all, ...NO_FILTERS }).toEqual({ live: true, request: 'req_1' });
    expect(isFiltered({ ...all, ...NO_FILTERS })).toBe(false);
  });
});
