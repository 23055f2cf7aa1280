/**
 * A ring as the console reads it (what the services list names each row's ring with). The ring forms and
 * the list query are in `rings.ts`, which re-exports these (see `common-read.ts` for why).
 */
import * as z from 'zod/mini';
import { Id } from './common-read';
import { lenient, strict, withPage, type Mode, type Reading } from './reading';

/**
 * A deployment ring (CONTRACT §6): `position` orders the promotion path. Seed
 * 004 reads only `id` and `name`; the rest is our decision.
 */
const ring = <M extends Mode>(r: Reading<M>) =>
  z.object({
    id: Id,
    name: z.string(),
    description: r.decided(z.nullable(z.string()), null),
    position: r.decided(z.int().check(z.minimum(0)), null),
    created_at: r.decided(r.timestamp, null),
    updated_at: r.decided(r.timestamp, null),
  });
export const [Ring, RingPage] = /* @__PURE__ */ withPage(ring, strict);
export const [readRing, readRingPage] = /* @__PURE__ */ withPage(ring, lenient);
export type Ring = z.infer<typeof Ring>;
export type RingRead = z.output<typeof readRing>;
