import * as z from 'zod/mini';
import { Id, page, SortField, SortOrder, type Page } from './common-read';

// What reads share (ids, times, errors, the list envelope) is in common-read.ts.
export { ErrorBody, Id, page, SortField, SortOrder, Timestamp, ValidationIssue } from './common-read';
export type { Page } from './common-read';

/**
 * Text a person reads (names, summaries, descriptions, reasons): no control
 * characters (multi-line text may have newlines and tabs), not only invisible
 * characters (spaces, zero-width characters, fillers), and no lone surrogates
 * (half of an emoji, which no font can show and no database stores faithfully).
 * Shared by the console's forms and the mock (422).
 */
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LINES = /(?![\n\r\t])\p{Cc}/u;
const LONE_SURROGATE = /\p{Cs}/u;
/** Whitespace, format characters (zero-width space and joiners, bidi marks, soft hyphen…), and the blank letters fonts draw as nothing. */
const ONLY_INVISIBLE = /^(?:[\s\p{Cf}\p{Zs}\u115F\u1160\u3164\uFFA0\u2800]|\u034F)*$/u;

export function humanTextProblem(text: string, multiline = false): string | null {
  if (LONE_SURROGATE.test(text)) return 'contains a broken character (a lone surrogate)';
  if ((multiline ? CONTROL_BUT_LINES : CONTROL).test(text))
    return multiline ? 'contains control characters' : 'contains control characters (such as a line break or a tab)';
  if (text !== '' && ONLY_INVISIBLE.test(text)) return 'has no visible characters';
  return null;
}

/** A check for `z.string().check(…)`: `humanText('Name')` refuses what `humanTextProblem` names, as "Name has no visible characters". */
export function humanText(label: string, options: { multiline?: boolean } = {}) {
  return z.superRefine<string>((text, ctx) => {
    const problem = humanTextProblem(text, options.multiline);
    if (problem) ctx.addIssue({ code: 'custom', message: `${label} ${problem}`, input: text });
  });
}

/**
 * Text a person must give (a summary, a reason): trimmed, 1 to `max`
 * characters (`required` says so when it is missing), human text on one line
 * unless `multiline`.
 */
export function RequiredText(max: number, label: string, o: { required?: string; multiline?: boolean } = {}) {
  return z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: o.required ?? `${label} is required` }),
      z.maxLength(max, { error: `${label} must be at most ${max} characters` }),
      humanText(label, { multiline: o.multiline ?? false }),
    );
}

/** A name (service, instance…): trimmed, 1 to `max` characters, human text on one line. */
export const Name = (max: number, label = 'Name') => RequiredText(max, label);

/** Who created or invited: enough to name them. */
export const Person = z.object({ id: Id, email: z.string(), name: z.string() });

/**
 * Multi-line text a person writes (a description, a reason): at most `max`
 * characters, human text with line breaks allowed. Not trimmed, not required:
 * wrap it in `z.nullable`/`z.optional`, or add checks, where a field needs to.
 */
export function Description(max: number, label = 'Description') {
  return z.string().check(z.maxLength(max, { error: `${label} must be at most ${max} characters` }), humanText(label, { multiline: true }));
}

/**
 * The common list parameters (seed 001: "accepted by most list endpoints"):
 * `limit` (default 25, max 100), `offset`, `sort`, `order` (asc|desc, default
 * desc), `search` (name and description, or a list's own text fields) and
 * `status`. Each says in words what is wrong with it, since a person reads the
 * 422 (`["query", "limit"]`: "limit must be at most 100").
 */
export const Limit = z._default(
  z.coerce
    .number({ error: 'limit must be a whole number from 1 to 100' })
    .check(
      z.int({ error: 'limit must be a whole number from 1 to 100' }),
      z.minimum(1, { error: 'limit must be at least 1' }),
      z.maximum(100, { error: 'limit must be at most 100' }),
    ),
  25,
);
export const Offset = z._default(
  z.coerce
    .number({ error: 'offset must be a whole number' })
    .check(z.int({ error: 'offset must be a whole number' }), z.minimum(0, { error: 'offset must be at least 0' })),
  0,
);
export const Search = z.optional(z.string().check(z.trim(), z.maxLength(200, { error: 'search must be at most 200 characters' })));

/** `limit`, `offset`, `order` and `search`; a list adds its `sort` (`listQuery`) and `status`. */
export const ListQuery = z.object({
  limit: Limit,
  offset: Offset,
  order: z._default(SortOrder, 'desc'),
  search: Search,
});

/**
 * A list's query: the common parameters, sorted by one of `fields`, the first
 * by default (CONTRACT §14: `created_at`, newest first, where a list has it).
 */
export function listQuery<const F extends string>(fields: readonly [F, ...F[]]) {
  return z.extend(ListQuery, { sort: z._default(SortField(fields), fields[0]) });
}

/**
 * A list with an order of its own (rings: their promotion order; the connector
 * catalog: as the platform lists it): `sort` and `order` stay unset unless
 * given, and the list says what unset means.
 */
export function ownOrderListQuery<const F extends string>(fields: readonly [F, ...F[]]) {
  return z.extend(ListQuery, { sort: z.optional(SortField(fields)), order: z.optional(SortOrder) });
}

/**
 * The real platform may answer a list with a bare array; accept both and
 * normalise to the envelope.
 */
export function pageOrArray<T extends z.core.$ZodType>(item: T) {
  return z.union([
    page(item),
    z.pipe(
      z.array(item),
      z.transform((items): Page<z.output<T>> => ({ items, total: items.length, limit: items.length, offset: 0 })),
    ),
  ]);
}
