/**
 * The Logs tab's URL. Its schema is the route's `validateSearch`, which loads
 * with the app's first page (route definitions are not split): it imports no
 * contract module, only zod. The platform checks the filters again (`RequestFilters`).
 */
import * as z from 'zod/mini';

/** The time ranges offered, relative to now. */
export const RANGES = ['15m', '1h', '6h', '24h', '7d'] as const;
export type Range = (typeof RANGES)[number];

const optional = <S extends z.core.SomeType>(schema: S) => z.catch(z.optional(schema), undefined);
const iso = z.iso.datetime({ offset: true });

/**
 * The Logs tab's state in the URL: its filters (a bad value falls back to
 * none, so a bad link still opens; absent is none, so a plain link stays
 * plain), whether Live is on, and the record whose
 * details are open. A time range is either relative (`range=1h`, the last
 * hour whenever the page is opened) or between two moments (`since`, `until`).
 */
export const LogsSearch = z.object({
  version: optional(z.pipe(z.coerce.number(), z.int().check(z.minimum(1)))),
  /** A class or a code, as the contract's `StatusFilter` (a code stays a number, so the URL reads `status=503`). */
  status: optional(z.union([z.enum(['2xx', '3xx', '4xx', '5xx']), z.int().check(z.minimum(100), z.maximum(599))])),
  method: optional(z.string().check(z.regex(/^[A-Z]{1,10}$/))),
  path: optional(z.string().check(z.minLength(1), z.maxLength(500))),
  search: optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  range: optional(z.enum(RANGES)),
  since: optional(iso),
  until: optional(iso),
  live: optional(z.boolean()),
  /** A record's id (the contract's `RequestId`). */
  request: optional(z.string().check(z.minLength(1), z.maxLength(128))),
});
export type LogsSearch = z.output<typeof LogsSearch>;
