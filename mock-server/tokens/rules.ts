/**
 * Service tokens (CONTRACT §7, seed 004): HS256 JWTs signed with the state's
 * own service-token secret (not the one that signs user sessions), revocable
 * one by one (jti) or all at once per service. Tokens are never stored or
 * logged: what was minted is kept as metadata (jti, claims, times, who), and
 * revocations. Revoking a jti this service never issued is a 404, so a typo
 * never reads as a revocation while the real token keeps working.
 */
import { randomUUID } from 'node:crypto';
import { sign, verify } from 'hono/jwt';
import type { MintedToken, TokenStatus } from '../../src/contract/tokens';
import { bearerToken } from '../core/auth';
import { HttpError, issue, unauthorized, validationError } from '../core/errors';
import type { ServiceRecord } from '../services/records';
import type { MintedTokenRecord, RevocationRecord } from './records';
import type { Store } from '../core/store';

/** Claims the platform sets; a request may not supply them. */
export const RESERVED_CLAIMS = ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'org_id', 'workspace_id', 'typ'] as const;
export const TOKEN_TYPE = 'service';
/** The longest TTL (MintRequest's max): a revoke-all matters no longer than this. */
export const MAX_TTL_MINUTES = 10_080;

/** A token's lifetime as people say it: 60 minutes, 2 hours, 7 days (the largest whole unit). */
export function ttlWords(minutes: number): string {
  const [n, unit] = minutes % 1440 === 0 ? [minutes / 1440, 'day'] : minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

const lastRevokeAllMs = (store: Store, serviceId: string) => {
  let t = 0;
  for (const r of store.revocations.in('service', serviceId)) if (r.kind === 'all') t = Math.max(t, Date.parse(r.revoked_at));
  return t;
};

/**
 * Mint: the request's claims plus sub (the service), org_id, workspace_id, jti,
 * iat and exp. `iat` carries milliseconds (a JWT NumericDate may be fractional),
 * so a token minted right after a revoke-all is not caught by it.
 */
export async function mintToken(
  store: Store,
  s: ServiceRecord,
  by: string,
  claims: Record<string, unknown>,
  ttlMinutes: number,
): Promise<{ token: string; jti: string; expires_at: string }> {
  const reserved = Object.keys(claims).filter((k) => (RESERVED_CLAIMS as readonly string[]).includes(k));
  if (reserved.length)
    throw validationError(reserved.map((k) => issue(['body', 'claims', k], `${k} is set by the platform`, 'value_error')));
  const iatMs = Math.max(store.clock.now(), lastRevokeAllMs(store, s.id) + 1);
  const exp = Math.floor(iatMs / 1000) + ttlMinutes * 60;
  const jti = randomUUID();
  const token = await sign(
    { ...claims, typ: TOKEN_TYPE, sub: s.id, org_id: s.org_id, workspace_id: s.workspace_id, jti, iat: iatMs / 1000, exp },
    store.serviceTokenSecret,
    'HS256',
  );
  const expires_at = new Date(exp * 1000).toISOString();
  // What it was, never what it is: the token leaves with the response.
  store.serviceTokens.put({ jti, service_id: s.id, claims, issued_at: new Date(iatMs).toISOString(), expires_at, issued_by: by });
  return { token, jti, expires_at };
}

/** When a revocation first caught the token (one of it, or a revoke-all after it was minted), or null. */
export function revokedAt(store: Store, t: MintedTokenRecord): string | null {
  const issued = Date.parse(t.issued_at);
  let first: string | null = null;
  for (const r of store.revocations.in('service', t.service_id)) {
    const catches = (r.kind === 'token' && r.jti === t.jti) || (r.kind === 'all' && issued <= Date.parse(r.revoked_at));
    if (catches && (first === null || r.revoked_at < first)) first = r.revoked_at;
  }
  return first;
}

/** A minted token as listed: its record and where it stands at `now`. */
export function mintedToken(store: Store, t: MintedTokenRecord, now = store.clock.now()): MintedToken {
  const revoked_at = revokedAt(store, t);
  const status: TokenStatus = revoked_at !== null ? 'revoked' : Date.parse(t.expires_at) <= now ? 'expired' : 'active';
  return { ...t, status, revoked_at };
}

/** The service's minted tokens, newest first. */
export function mintedTokensOf(store: Store, serviceId: string, now = store.clock.now()): MintedToken[] {
  return store.serviceTokens
    .in('service', serviceId)
    .reverse()
    .sort((a, b) => (a.issued_at < b.issued_at ? 1 : a.issued_at > b.issued_at ? -1 : 0))
    .map((t) => mintedToken(store, t, now));
}

export interface ServiceTokenClaims {
  sub: string;
  org_id: string;
  jti: string;
  iat: number;
  exp: number;
  [k: string]: unknown;
}

/** `Authorization: Bearer <service token>` → its claims, or the 401 that says why not. */
export async function verifyServiceToken(store: Store, header: string | undefined): Promise<ServiceTokenClaims> {
  const token = bearerToken(header);
  let p: Record<string, unknown>;
  try {
    p = (await verify(token, store.serviceTokenSecret, { alg: 'HS256', exp: false, iat: false, nbf: false })) as Record<string, unknown>;
  } catch {
    throw unauthorized('Invalid token');
  }
  const { sub, org_id, jti, iat, exp, typ } = p;
  if (
    typ !== TOKEN_TYPE ||
    typeof sub !== 'string' ||
    typeof org_id !== 'string' ||
    typeof jti !== 'string' ||
    typeof iat !== 'number' ||
    typeof exp !== 'number'
  ) {
    throw unauthorized('Invalid token');
  }
  if (exp <= store.clock.now() / 1000) throw unauthorized('Token has expired');
  const iatMs = Math.round(iat * 1000);
  for (const r of store.revocations.in('service', sub)) {
    if ((r.kind === 'token' && r.jti === jti) || (r.kind === 'all' && iatMs <= Date.parse(r.revoked_at)))
      throw unauthorized('Token has been revoked');
  }
  return { ...p, sub, org_id, jti, iat, exp };
}

/**
 * Revoke one token the service issued (404 for any other id). The revocation
 * is in force until `expires_at`: the caller's (seed 004 passes the mint
 * result's), honoured within the token's real life — never beyond its own
 * expiry, which the platform knows (a later one is cut to it), and never
 * before it was issued (422 on the field); none given, the token's expiry.
 * The gateway refuses a revoked token for good all the same: `expires_at`
 * only says when the revocation stops mattering, and is listed as expired.
 *
 * A jti this service never minted stays a 404, whatever `expires_at` says:
 * the mock cannot check that time against a token it does not know, and
 * keeping a revocation for an unknown ID would let a typo read as success.
 * (A platform that keeps no record of what it minted would keep it until the
 * caller's `expires_at` — why seed 004 sends it.)
 */
export function revokeOne(
  store: Store,
  s: ServiceRecord,
  by: string,
  jti: string,
  reason: string | null,
  expiresAt: string | null = null,
): { rec: RevocationRecord; created: boolean } {
  const minted = store.serviceTokens.get(jti);
  if (!minted || minted.service_id !== s.id)
    throw new HttpError(404, `No token with ID ${jti.length > 80 ? `${jti.slice(0, 80)}…` : jti} was issued by this service`);
  const prior = store.revocations.in('service', s.id).find((r) => r.kind === 'token' && r.jti === jti);
  if (prior) return { rec: prior, created: false };
  const rec: RevocationRecord = {
    id: randomUUID(),
    service_id: s.id,
    kind: 'token',
    jti,
    reason,
    revoked_at: store.clock.iso(),
    expires_at: revocationExpiry(minted, expiresAt),
    revoked_by: by,
  };
  return { rec: store.revocations.put(rec), created: true };
}

/** The caller's `expires_at` (a contract Timestamp) within the token's life: cut to its expiry, refused before its issue. */
function revocationExpiry(minted: MintedTokenRecord, expiresAt: string | null): string {
  if (expiresAt === null) return minted.expires_at;
  const at = Date.parse(expiresAt);
  if (at < Date.parse(minted.issued_at))
    throw validationError([issue(['body', 'expires_at'], `expires_at is before the token was issued (${minted.issued_at})`)]);
  return at >= Date.parse(minted.expires_at) ? minted.expires_at : new Date(at).toISOString();
}

/**
 * Revoke every token of the service minted until now. In force for the
 * longest TTL from now: no token it covers can outlive that.
 */
export function revokeAll(store: Store, s: ServiceRecord, by: string, reason: string): RevocationRecord {
  const now = store.clock.now();
  const rec: RevocationRecord = {
    id: randomUUID(),
    service_id: s.id,
    kind: 'all',
    jti: null,
    reason,
    revoked_at: new Date(now).toISOString(),
    expires_at: new Date(now + MAX_TTL_MINUTES * 60_000).toISOString(),
    revoked_by: by,
  };
  return store.revocations.put(rec);
}

/** A revocation stops mattering once the token(s) it names would have expired. */
export const isExpired = (r: RevocationRecord, nowMs: number) => r.expires_at !== null && Date.parse(r.expires_at) <= nowMs;

/** A retried mint is refused rather than replayed: a token is shown once (see routes.ts). */
export const mintReplayConflict = (jti: string) =>
  new HttpError(
    409,
    `This Idempotency-Key already minted token ${jti}; a token is shown only once. Revoke it if it was lost, then mint again with a new key.`,
  );
