/**
 * Tokens: access tokens are HS256 JWTs (sub, role, org_id, jti, sid, iat, exp);
 * refresh tokens are opaque random strings stored only as sha256 hashes, tied
 * to a session, rotated on every refresh.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { sign, verify } from 'hono/jwt';
import type { Role, TokenResponse } from '../src/contract/auth';
import { unauthorized } from './errors';
import { sha256, type Store, type UserRecord } from './store';

export interface Principal {
  user: UserRecord;
  jti: string;
  exp: number;
  sid: string;
}

export interface TokenSettings {
  /** Access token lifetime in seconds. */
  accessTtl: number;
  /** Refresh token lifetime in seconds. */
  refreshTtl: number;
}

const nowSec = () => Math.floor(Date.now() / 1000);

async function accessToken(store: Store, user: UserRecord, ttl: number, sid: string): Promise<string> {
  const iat = nowSec();
  return sign(
    { sub: user.id, role: user.role, org_id: user.org_id, jti: randomUUID(), sid, iat, exp: iat + ttl },
    store.jwtSecret,
    'HS256',
  );
}

export async function issueTokens(store: Store, user: UserRecord, settings: TokenSettings, sid: string = randomUUID()): Promise<TokenResponse> {
  const refresh = `rt_${randomBytes(32).toString('base64url')}`;
  store.refreshTokens.set(sha256(refresh), {
    token_sha256: sha256(refresh),
    user_id: user.id,
    session_id: sid,
    expires_at: nowSec() + settings.refreshTtl,
  });
  store.changed();
  return {
    access_token: await accessToken(store, user, settings.accessTtl, sid),
    refresh_token: refresh,
    token_type: 'bearer',
    expires_in: settings.accessTtl,
  };
}

export async function issueApiKeyToken(store: Store, user: UserRecord, ttlSeconds: number, keyId: string): Promise<TokenResponse> {
  return {
    access_token: await accessToken(store, user, ttlSeconds, `api-key:${keyId}`),
    refresh_token: null,
    token_type: 'bearer',
    expires_in: ttlSeconds,
  };
}

/** Rotate a refresh token: the old one stops working. */
export async function refreshTokens(store: Store, refreshToken: string, settings: TokenSettings): Promise<TokenResponse> {
  const hash = sha256(refreshToken);
  const rec = store.refreshTokens.get(hash);
  if (!rec) throw unauthorized('Invalid refresh token');
  store.refreshTokens.delete(hash);
  store.changed();
  if (rec.expires_at <= nowSec()) throw unauthorized('Refresh token has expired');
  const user = store.users.get(rec.user_id);
  if (!user) throw unauthorized('Invalid refresh token');
  return issueTokens(store, user, settings, rec.session_id);
}

/** End a session: the access token and the session's refresh tokens (or the one given) stop working. */
export function logout(store: Store, p: Principal, refreshToken?: string): void {
  store.revokeJti(p.jti, p.exp);
  if (refreshToken) {
    const rec = store.refreshTokens.get(sha256(refreshToken));
    if (rec && rec.user_id === p.user.id) store.refreshTokens.delete(rec.token_sha256);
  }
  for (const [k, r] of store.refreshTokens) if (r.session_id === p.sid) store.refreshTokens.delete(k);
  store.changed();
}

/**
 * Signature checks are the costly part of a request, so verified payloads are
 * remembered per secret (expiry and revocation are still checked every time).
 */
const verified = new Map<string, Record<string, unknown>>();
const VERIFIED_MAX = 1000;

async function verifySignature(token: string, secret: string): Promise<Record<string, unknown>> {
  const key = `${secret}\n${token}`;
  const hit = verified.get(key);
  if (hit) return hit;
  const payload = (await verify(token, secret, { alg: 'HS256', exp: false, iat: false, nbf: false })) as Record<string, unknown>;
  if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
  verified.set(key, payload);
  return payload;
}

/** Resolve `Authorization: Bearer <jwt>` to a principal, or throw the 401 the contract names. */
export async function authenticate(store: Store, header: string | undefined): Promise<Principal> {
  const m = header ? /^\s*Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!m || !m[1]) throw unauthorized('Not authenticated');
  let payload: Record<string, unknown>;
  try {
    payload = await verifySignature(m[1], store.jwtSecret);
  } catch {
    throw unauthorized('Invalid token');
  }
  const { sub, jti, exp, sid } = payload;
  if (typeof sub !== 'string' || typeof jti !== 'string' || typeof exp !== 'number' || typeof sid !== 'string') throw unauthorized('Invalid token');
  if (exp <= nowSec()) throw unauthorized('Token has expired');
  if (store.revokedJtis.has(jti)) throw unauthorized('Invalid token');
  const user = store.users.get(sub);
  if (!user) throw unauthorized('Invalid token');
  return { user, jti, exp, sid };
}

export const ROLE_WRITE_SERVICES: readonly Role[] = ['admin', 'developer'];
export const ROLE_ADMIN: readonly Role[] = ['admin'];
export const ROLE_ANY: readonly Role[] = ['admin', 'developer', 'viewer'];
