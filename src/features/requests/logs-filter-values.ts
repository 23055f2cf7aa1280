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

/** Whether any filter narrows the log (Live and the open record are not filters). */
export const isFiltered = (s: LogsSearch) =>
  [s.version, s.status, s.method, s.path, s.search, s.range, s.since, s.until].some((v) => v !== undefined);

/** Every filter cleared. */
export const NO_FILTERS: Partial<LogsSearch> = {
  version: undefined,
  status: undefined,
  method: undefined,
  path: undefined,
  search: undefined,
  range: undefined,
  since: undefined,
  until: undefined,
};
