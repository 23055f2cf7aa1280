import { z } from 'zod';
import { Id, Timestamp, page } from './common';

/** `…/service-tokens/mint` (seed 001, 004): claims and a TTL → a signed JWT, shown once. */
export const MintRequest = z.strictObject({
  claims: z.record(z.string(), z.unknown(), { error: 'Claims must be a JSON object' }).default({}),
  ttl_minutes: z
    .number({ error: 'TTL must be a whole number of minutes' })
    .int({ error: 'TTL must be a whole number of minutes' })
    .min(1, { error: 'TTL must be at least 1 minute' })
    .max(10_080, { error: 'TTL must be at most 10080 minutes (7 days)' })
    .default(60),
});
export type MintRequest = z.input<typeof MintRequest>;

export const MintResponse = z.object({ token: z.string(), jti: z.string(), expires_at: Timestamp });
export type MintResponse = z.infer<typeof MintResponse>;

/** Revoke one token by `jti` (seed 004 `revoke(jti, expires_at, reason)`). */
export const RevokeRequest = z.strictObject({
  jti: z.string().trim().min(1, { error: 'Enter the token ID (jti)' }).max(200),
  expires_at: Timestamp.nullable().optional(),
  reason: z.string().max(500).nullable().optional(),
});
export type RevokeRequest = z.input<typeof RevokeRequest>;

/** Revoke every token of the service issued until now (seed 004 `revoke_all(reason)`). */
export const RevokeAllRequest = z.strictObject({
  reason: z.string().trim().min(1, { error: 'Give a reason' }).max(500),
});

export const Revocation = z.object({
  id: Id,
  service_id: Id,
  kind: z.enum(['token', 'all']),
  /** Null for revoke-all. */
  jti: z.string().nullable(),
  reason: z.string().nullable(),
  revoked_at: Timestamp,
  /** When the revocation stops mattering (the token would have expired anyway). */
  expires_at: Timestamp.nullable(),
  revoked_by: z.string(),
});
export type Revocation = z.infer<typeof Revocation>;

export const RevocationPage = page(Revocation);

export const RevocationListQuery = z.object({
  include_expired: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});
