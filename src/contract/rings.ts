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
