import * as z from 'zod/mini';
import { Description, ownOrderListQuery } from './common';

export { readRing, readRingPage, Ring, RingPage } from './rings-read';
export type { RingRead } from './rings-read';

/** Ring names are short identifiers: dev, staging, prod, eu-canary **[decision]**. */
export const RING_NAME = /^[a-z][a-z0-9-]*$/;
const ringFields = {
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: 'Name is required' }),
      z.maxLength(63, { error: 'Name must be at most 63 characters' }),
      z.regex(RING_NAME, { error: 'Use lowercase letters, digits and hyphens, starting with a letter' }),
    ),
  description: z.nullable(Description(500)),
  /** Where in the promotion path; omitted means last. Others shift to make room. */
  position: z.int().check(z.minimum(0)),
};

export const RingCreate = z.strictObject({
  name: ringFields.name,
  description: z.optional(ringFields.description),
  position: z.optional(ringFields.position),
});
export type RingCreate = z.input<typeof RingCreate>;

export const RingUpdate = z.partial(z.strictObject(ringFields));
export type RingUpdate = z.infer<typeof RingUpdate>;

export const RING_SORT_FIELDS = ['position', 'name', 'created_at', 'updated_at'] as const;

/**
 * `GET …/deployments/rings`: the common list parameters; without `sort` the
 * rings keep their promotion order (`position`, first ring first) **[decision,
 * CONTRACT §14]**, and `position` is ascending unless `order` says otherwise
 * (a promotion path read backwards is rarely what anyone asks for). `search`
 * covers name and description. `?name=dev` resolves a ring by name, as
 * `client.rings.resolve("dev")` does (seed 004 names the call, not how it
 * asks) **[decision: extension]**.
 */
export const RingListQuery = z.extend(ownOrderListQuery(RING_SORT_FIELDS), { name: z.optional(z.string()) });
