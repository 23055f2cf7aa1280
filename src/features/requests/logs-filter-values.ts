import type { RequestFilters } from '@/contract/requests';
import type { LogsSearch, Range } from './logs-search';

/** Each relative range's length, in ms. */
const RANGE_MS: Record<Range, number> = {
  '15m': 15 * 60_000,
  '1h': 3_600_000,
  '6h': 6 * 3_600_000,
  '24h': 24 * 3_600_000,
  '7d': 7 * 24 * 3_600_000,
};

/** The filters the platform applies, with a relative range made absolute at `now` (epoch ms). */
export function toFilters(s: LogsSearch, now: number): RequestFilters {
  return {
    version: s.version,
    status: s.status,
    method: s.method,
    path: s.path,
    search: s.search,
    since: s.range ? new Date(now - RANGE_MS[s.range]).toISOString() : s.since,
    until: s.range ? undefined : s.until,
  };
}

/** The URL's filters (Live and the open record are not filters). */
const FILTER_KEYS = ['version', 'status', 'method', 'path', 'search', 'range', 'since', 'until'] as const;

/** Whether any filter narrows the log. */
export const isFiltered = (s: LogsSearch) => FILTER_KEYS.some((key) => s[key] !== undefined);

/** Every filter cleared. */
export const NO_FILTERS: Partial<LogsSearch> = Object.fromEntries(FILTER_KEYS.map((key) => [key, undefined]));
