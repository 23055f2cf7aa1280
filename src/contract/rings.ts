import { z } from 'zod';
import { Id, Timestamp, page } from './common';

/** A deployment ring (CONTRACT §6): `position` orders the promotion path. */
export const Ring = z.object({
  id: Id,
  name: z.string(),
  description: z.string().nullable(),
  position: z.number().int().min(0),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type Ring = z.infer<typeof Ring>;

export const RingPage = page(Ring);

/** Ring names are short identifiers: dev, staging, prod, eu-canary **[decision]**. */
export const RING_NAME = /^[a-z][a-z0-9-]*$/;
const ringName = z
  .string()
  .trim()
  .min(1, { error: 'Name is required' })
  .max(63, { error: 'Name must be at most 63 characters' })
  .regex(RING_NAME, { error: 'Use lowercase letters, digits and hyphens, starting with a letter' });

export const RingCreate = z.strictObject({
  name: ringName,
  description: z.string().max(500, { error: 'Description must be at most 500 characters' }).nullable().optional(),
  /** Where in the promotion path; omitted means last. Others shift to make room. */
  position: z.number().int().min(0).optional(),
});
export type RingCreate = z.input<typeof RingCreate>;

export const RingUpdate = z.strictObject({
  name: ringName.optional(),
  description: z.string().max(500, { error: 'Description must be at most 500 characters' }).nullable().optional(),
  position: z.number().int().min(0).optional(),
});
export type RingUpdate = z.infer<typeof RingUpdate>;

/** `?name=dev` resolves a ring by name, as `client.rings.resolve("dev")` does (seed 004). */
export const RingListQuery = z.object({ name: z.string().optional() });
