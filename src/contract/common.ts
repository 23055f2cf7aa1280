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

export const SortOrder = z.enum(['asc', 'desc']);

/** Common list query parameters (seed 001). */
export const ListQuery = z.object({
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
  offset: z._default(z.coerce.number().check(z.int(), z.minimum(0)), 0),
  order: z._default(SortOrder, 'desc'),
  search: z.optional(z.string().check(z.trim(), z.maxLength(200))),
});

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
