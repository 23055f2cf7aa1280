/**
 * What every read of the platform shares (CONTRACT §1): ids, times, the FastAPI error body, the list
 * envelope and sort fields. Kept apart from `common.ts` (the forms' text rules and the list queries),
 * which re-exports it: the services list's first load reads with these and carries no form
 * (`npm run size`; a module's code all goes in one chunk).
 */
import * as z from 'zod/mini';

/** IDs are UUIDs and times are ISO 8601 UTC strings (CONTRACT §1). */
export const Id = z.uuid();
export const Timestamp = z.iso.datetime({ offset: true });

/** FastAPI-shaped errors (CONTRACT §1). */
export const ValidationIssue = z.object({
  loc: z.array(z.union([z.string(), z.number()])),
  msg: z.string(),
  type: z.string(),
});
export type ValidationIssue = z.infer<typeof ValidationIssue>;

export const ErrorBody = z.object({
  detail: z.union([z.string(), z.array(ValidationIssue)]),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const SortOrder = z.enum(['asc', 'desc'], { error: 'order must be asc or desc' });

/** The fields a list sorts by, as `sort` takes them: another is a 422 that names them. */
export function SortField<const F extends string>(fields: readonly [F, ...F[]]) {
  return z.enum(fields, { error: `sort must be one of ${fields.join(', ')}` });
}

/** The list envelope **[decision]**: `{items, total, limit, offset}`. */
export function page<T extends z.core.$ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.int().check(z.minimum(0)),
    limit: z.int(),
    offset: z.int(),
  });
}
export type Page<T> = { items: T[]; total: number; limit: number; offset: number };
