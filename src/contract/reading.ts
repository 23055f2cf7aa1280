/**
 * Two ways to read one response shape (CONTRACT §11).
 *
 * Each response schema is written once, as a function of a `Reading`:
 * - `strict` gives the schema our mock answers with: it checks its own
 *   responses with it and the OpenAPI document is generated from it.
 * - `lenient` gives the schema the console reads a platform with: what the
 *   seeds do not pin down may vary without losing the page.
 *
 * ```ts
 * const ring = <M extends Mode>(r: Reading<M>) => z.object({ id: Id, position: r.decided(z.int(), null) });
 * export const Ring = ring(strict);        // position: number
 * export const readRing = ring(lenient);   // position: number | null (missing or null → null)
 * ```
 */
import * as z from 'zod/mini';
import { Timestamp, page } from './common-read';

export type Mode = 'strict' | 'lenient';

/**
 * An enum value the console does not know, passed through as the platform
 * sent it. Branded so that UI code cannot treat it as a known value without
 * checking (`isKnown`), and so a `switch` over the known values is not exhaustive.
 */
export type UnknownValue = string & { readonly __unknown: true };

/** A list row the lenient reading could not read, shown in place of the row; `index` is its place in the whole list (the page's offset counted). */
export type InvalidRow = { index: number; id: string | null; message: string };

/**
 * A list as the lenient reading gives it: the rows it could read, and those it
 * could not. `paged` is whether the platform said how many there are in all
 * (`total`): without it (a bare array, `{items}`) the console shows what it got,
 * with no paging controls.
 */
export type PageRead<T> = { items: T[]; invalid: InvalidRow[]; total: number; limit: number; offset: number; paged: boolean };

// SomeType, not $ZodType: inside a schema function, TypeScript can infer it from
// a reading-dependent argument (`r.decided(r.timestamp, null)`), which $ZodType
// loses to `unknown`. A row schema is parsed, so it must be a full $ZodType.
type Schema = z.core.SomeType;
type Row = z.core.$ZodType;
type Lenient<T> = z.ZodMiniType<T, unknown>;

export interface Reading<M extends Mode = Mode> {
  readonly mode: M;
  /**
   * An enum the platform may extend (roles, statuses, states, kinds…): an
   * unknown value comes through as it came, typed `UnknownValue`.
   */
  openEnum<E extends z.core.$ZodType<string>>(values: E): M extends 'strict' ? E : Lenient<z.output<E> | UnknownValue>;
  /**
   * A field that is our decision, not the seeds': the platform may leave it
   * out or send null, and the lenient reading gives `fallback` (the seeds'
   * documented default where there is one, else null).
   */
  decided<S extends Schema, const F extends z.output<S> | null>(
    schema: S,
    fallback: F,
  ): M extends 'strict' ? S : Lenient<z.output<S> | (null extends F ? null : never)>;
  /**
   * A field our mock adds to a documented response, optional even strictly
   * (the platform may not send it); leniently missing reads as null.
   */
  extra<S extends Schema>(schema: S): M extends 'strict' ? z.ZodMiniOptional<S> : Lenient<z.output<S> | null>;
  /** ISO 8601; leniently with or without an offset (none means UTC) or a fraction, normalised to UTC with `Z`. */
  readonly timestamp: M extends 'strict' ? typeof Timestamp : Lenient<string>;
  /**
   * A list. Strictly the envelope `{items, total, limit, offset}`; leniently also
   * `{items, total}`, `{items}` or a bare array, read row by row so one bad row
   * never blanks the list.
   */
  page<S extends Row>(item: S): M extends 'strict' ? ReturnType<typeof page<S>> : Lenient<PageRead<z.output<S>>>;
  /** A fixed word the platform may send in another case (`token_type: "Bearer"`). */
  word<const W extends string>(value: W): M extends 'strict' ? z.ZodMiniLiteral<W> : Lenient<W>;
}

export const strict: Reading<'strict'> = {
  mode: 'strict',
  openEnum: (values) => values,
  decided: (schema) => schema,
  extra: (schema) => z.optional(schema),
  timestamp: Timestamp,
  page,
  word: (value) => z.literal(value),
};

export const lenient: Reading<'lenient'> = {
  mode: 'lenient',
  openEnum: <E extends z.core.$ZodType<string>>(values: E) =>
    z.union([
      values,
      z.pipe(
        z.string(),
        z.transform((value) => value as UnknownValue),
      ),
    ]),
  decided: <S extends Schema, const F extends z.output<S> | null>(schema: S, fallback: F) =>
    z.pipe(
      z.optional(z.nullable(schema)),
      // A fresh copy each time, so that no two rows share a default list or map.
      z.transform((value) => (value ?? structuredClone(fallback)) as z.output<S> | (null extends F ? null : never)),
    ),
  extra: <S extends Schema>(schema: S) => lenient.decided(schema, null),
  timestamp: z.pipe(
    z.string(),
    z.transform((text, payload) => {
      const iso = utcTimestamp(text);
      if (iso === null) {
        payload.issues.push({ code: 'custom', input: text, message: 'expected a date and time (ISO 8601)' });
        return z.NEVER;
      }
      return iso;
    }),
  ),
  page: <S extends Row>(item: S) =>
    z.pipe(
      z.union([
        z.array(z.unknown()),
        z.object({
          items: z.array(z.unknown()),
          total: z.nullish(z.number()),
          limit: z.nullish(z.number()),
          offset: z.nullish(z.number()),
        }),
      ]),
      z.transform((raw): PageRead<z.output<S>> => {
        const envelope = Array.isArray(raw) ? { items: raw } : raw;
        const offset = envelope.offset ?? 0;
        const rows = readRows(item, envelope.items, offset);
        return {
          ...rows,
          total: envelope.total ?? envelope.items.length,
          limit: envelope.limit ?? envelope.items.length,
          offset,
          paged: envelope.total != null,
        };
      }),
    ),
  word: <const W extends string>(value: W) =>
    z.pipe(
      z.string().check(z.refine((text) => text.toLowerCase() === value.toLowerCase(), { error: `expected "${value}"` })),
      z.transform((): W => value),
    ),
};

/**
 * A record's schema in one reading, and its list's, built together:
 * `export const [Ring, RingPage] = withPage(ring, strict)`. Where the console reads a record on its first load,
 * the call is marked `@__PURE__`, so that the build leaves out what the console never uses (the strict pair).
 */
export function withPage<M extends Mode, S extends Row>(schema: (r: Reading<M>) => S, r: Reading<M>) {
  const one = schema(r);
  return [one, r.page(one)] as const;
}

/** True when `value` is one the console knows; narrows away `UnknownValue`. */
export function isKnown<const T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * `2025-01-02T03:04:05`, `…Z`, `…+02:00`, `….123456` → `2025-01-02T03:04:05.000Z`,
 * or null if it is not a real date and time. Parsed by hand because
 * `Date.parse` reads a string without an offset as local time.
 */
export function utcTimestamp(text: string): string | null {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return null;
  const [, year, month, day, hour, minute, second = '0', fraction = '0', offset = 'Z'] = m;
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const local = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), ms);
  const date = new Date(local);
  // Date.UTC rolls 2025-02-30 over to March: such a date is not one.
  if (
    Number.isNaN(local) ||
    date.getUTCDate() !== Number(day) ||
    date.getUTCMonth() !== Number(month) - 1 ||
    Number(hour) > 23 ||
    Number(minute) > 59 ||
    Number(second) > 59
  ) {
    return null;
  }
  let offsetMinutes = 0;
  if (offset.toUpperCase() !== 'Z') {
    const digits = offset.slice(1).replace(':', '');
    offsetMinutes = (offset[0] === '-' ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
  }
  return new Date(local - offsetMinutes * 60_000).toISOString();
}

function readRows<S extends Row>(item: S, rows: unknown[], offset: number): { items: z.output<S>[]; invalid: InvalidRow[] } {
  const items: z.output<S>[] = [];
  const invalid: InvalidRow[] = [];
  rows.forEach((row, index) => {
    // reportInput tells a missing field from a wrong one; only the issue codes reach the message.
    const result = z.safeParse(item, row, { reportInput: true });
    if (result.success) items.push(result.data);
    else invalid.push({ index: offset + index, id: rowId(row), message: describeIssues(result.error.issues) });
  });
  return { items, invalid };
}

function rowId(row: unknown): string | null {
  if (typeof row !== 'object' || row === null || !('id' in row)) return null;
  return typeof row.id === 'string' || typeof row.id === 'number' ? String(row.id) : null;
}

/**
 * Says what was wrong with a row in words that do not depend on a zod locale
 * being loaded (the console loads none on the first page).
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const where = issue.path.length ? `${issue.path.map(String).join('.')}: ` : '';
      switch (issue.code) {
        case 'invalid_type':
          return issue.input === undefined ? `${where}missing` : `${where}expected ${issue.expected}`;
        case 'invalid_value':
          return `${where}expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
        case 'invalid_format':
          return `${where}not a valid ${issue.format}`;
        case 'invalid_union':
          return `${where}${issue.errors[0]?.length ? describeIssues(issue.errors[0]) : 'not any of the expected shapes'}`;
        default:
          return `${where}${issue.message}`;
      }
    })
    .join('; ');
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Read what a platform sends once `mend` has put a copy of it in our shape
 * (a field it names otherwise, an error given as an object); what is not an
 * object reaches `schema` as it came.
 */
export function mended<S extends z.core.$ZodType>(mend: (copy: Record<string, unknown>) => void, schema: S) {
  return z.pipe(
    z.pipe(
      z.unknown(),
      z.transform((raw) => {
        if (!isObject(raw)) return raw;
        const copy = { ...raw };
        mend(copy);
        return copy;
      }),
    ),
    schema,
  );
}

/** A job's `error` given as an object, read as its `message` (else its JSON). */
export function errorAsText(job: Record<string, unknown>): void {
  if (isObject(job.error)) job.error = typeof job.error.message === 'string' ? job.error.message : JSON.stringify(job.error);
}
