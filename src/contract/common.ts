import { z } from 'zod';

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
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).default(0),
  order: SortOrder.default('desc'),
  search: z.string().trim().max(200).optional(),
});

/** The list envelope **[decision]**: `{items, total, limit, offset}`. */
export function page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}
export type Page<T> = { items: T[]; total: number; limit: number; offset: number };

/**
 * The real platform may answer a list with a bare array; accept both and
 * normalise to the envelope.
 */
export function pageOrArray<T extends z.ZodType>(item: T) {
  return z.union([
    page(item),
    z.array(item).transform((items) => ({ items, total: items.length, limit: items.length, offset: 0 })),
  ]);
}
