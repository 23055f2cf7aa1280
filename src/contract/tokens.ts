import * as z from 'zod/mini';
import { Description, humanText, Id, listQuery, RequiredText, Timestamp } from './common';
import { lenient, strict, withPage, type Mode, type Reading } from './reading';

/** `…/service-tokens/mint` (seed 001, 004): claims and a TTL → a signed JWT, shown once. */
export const MintRequest = z.strictObject({
  claims: z._default(z.record(z.string(), z.unknown(), { error: 'Claims must be a JSON object' }), () => ({})),
  ttl_minutes: z._default(
    z
      .int({ error: 'TTL must be a whole number of minutes' })
      .check(
        z.minimum(1, { error: 'TTL must be at least 1 minute' }),
        z.maximum(10_080, { error: 'TTL must be at most 10080 minutes (7 days)' }),
      ),
    60,
  ),
});
export type MintRequest = z.input<typeof MintRequest>;

/** Seed 004 prints `jti` and `expires_at` of the mint result. */
const mintResponse = <M extends Mode>(r: Reading<M>) => z.object({ token: z.string(), jti: z.string(), expires_at: r.timestamp });
export const [MintResponse, readMintResponse] = [mintResponse(strict), mintResponse(lenient)];
export type MintResponse = z.infer<typeof MintResponse>;
export type MintResponseRead = z.output<typeof readMintResponse>;

/** Revoke one token by `jti` (seed 004 `revoke(jti, expires_at, reason)`). */
export const RevokeRequest = z.strictObject({
  jti: z.string().check(z.trim(), z.minLength(1, { error: 'Enter the token ID (jti)' }), z.maxLength(200), humanText('Token ID')),
  expires_at: z.optional(z.nullable(Timestamp)),
  reason: z.optional(z.nullable(Description(500, 'Reason'))),
});
export type RevokeRequest = z.input<typeof RevokeRequest>;

/** Revoke every token of the service issued until now (seed 004 `revoke_all(reason)`). */
export const RevokeAllRequest = z.strictObject({
  reason: RequiredText(500, 'Reason', { required: 'Give a reason', multiline: true }),
});

export const RevocationKind = z.enum(['token', 'all']);

/** A revocation as `list_revocations` returns it (seed 004 names the call, not the fields). */
const revocation = <M extends Mode>(r: Reading<M>) =>
  z.object({
    id: Id,
    service_id: r.decided(Id, null),
    kind: r.openEnum(RevocationKind),
    /** Null for revoke-all. */
    jti: r.decided(z.nullable(z.string()), null),
    reason: r.decided(z.nullable(z.string()), null),
    revoked_at: r.timestamp,
    /** When the revocation stops mattering (the token would have expired anyway). */
    expires_at: r.decided(z.nullable(r.timestamp), null),
    revoked_by: r.decided(z.string(), null),
  });
export const [Revocation, RevocationPage] = withPage(revocation, strict);
export const [readRevocation, readRevocationPage] = withPage(revocation, lenient);
export type Revocation = z.infer<typeof Revocation>;
export type RevocationRead = z.output<typeof readRevocation>;

/**
 * The revocations, newest first unless `sort` says (`revoked_at`, `expires_at`);
 * `search` covers the jti, the reason and who revoked. They have no status:
 * `include_expired` (our extension) says whether those past their `expires_at` are listed.
 */
export const RevocationListQuery = z.extend(listQuery(['revoked_at', 'expires_at']), {
  include_expired: z.pipe(
    z._default(z.enum(['true', 'false']), 'false'),
    z.transform((v) => v === 'true'),
  ),
});

/**
 * **[decision, extension]** `GET …/service-tokens`: what the platform minted for
 * the service — never the token, only what identifies and describes it — and
 * where it stands now. Revoked wins over expired: it says why the gateway
 * refuses it first.
 */
export const TokenStatus = z.enum(['active', 'expired', 'revoked']);
export type TokenStatus = z.infer<typeof TokenStatus>;

const mintedToken = <M extends Mode>(r: Reading<M>) =>
  z.object({
    jti: z.string(),
    service_id: r.decided(Id, null),
    claims: r.decided(z.record(z.string(), z.unknown()), {}),
    issued_at: r.decided(r.timestamp, null),
    expires_at: r.timestamp,
    /** The email of who minted it. */
    issued_by: r.decided(z.nullable(z.string()), null),
    status: r.openEnum(TokenStatus),
    /** When a revocation (of it, or of every token) took effect; null while it was never revoked. */
    revoked_at: r.decided(z.nullable(r.timestamp), null),
  });
export const [MintedToken, MintedTokenPage] = withPage(mintedToken, strict);
export const [readMintedToken, readMintedTokenPage] = withPage(mintedToken, lenient);
export type MintedToken = z.infer<typeof MintedToken>;
export type MintedTokenRead = z.output<typeof readMintedToken>;

/**
 * Newest first unless `sort` says (`issued_at`, `expires_at`); `search` covers
 * the jti and who minted it; `?status=` narrows the list to one status (all of them by default).
 */
export const MintedTokenListQuery = z.extend(listQuery(['issued_at', 'expires_at']), { status: z.optional(TokenStatus) });
