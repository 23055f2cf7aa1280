/**
 * Sessions: refresh tokens are opaque random strings stored only as sha256
 * hashes, tied to a session and rotated on every refresh; logout revokes the
 * access token (by jti, until it would have expired) and the session's
 * refresh tokens. API keys are exchanged for an access token only.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { TokenResponse } from '../../src/contract/auth';
import { API_KEY_SESSION, liveApiKey, noteApiKeyUse } from '../api-keys/rules';
import { signAccessToken } from '../core/auth';
import type { Platform, Principal } from '../core/context';
import { unauthorized } from '../core/errors';
import { SignInThrottle, type ThrottleSettings } from '../core/throttle';
import { matchesFingerprint, sha256 } from '../core/hashing';
import type { UserRecord } from './records';
import type { Store } from '../core/store';

/** The auth domain's settings (its domain.ts declares them, with their defaults). */
export interface TokenSettings {
  /** Access token lifetime, seconds (`MOCK_TOKEN_TTL`, default 900). */
  tokenTtl: number;
  /** Refresh token lifetime, seconds (default 7 days). */
  refreshTtl: number;
}

export const DEFAULT_TOKEN_TTL_S = 900;
export const DEFAULT_REFRESH_TTL_S = 7 * 24 * 3600;
export const DEFAULT_THROTTLE: ThrottleSettings = { maxFailures: 10, windowS: 300 };

/** Failed sign-ins, per platform (kept in memory: core/throttle.ts), on its clock. */
const throttles = new WeakMap<Platform, SignInThrottle>();
export function signInThrottle(platform: Platform): SignInThrottle {
  let throttle = throttles.get(platform);
  if (!throttle) throttles.set(platform, (throttle = new SignInThrottle(platform.settings.signInThrottle, platform.clock)));
  return throttle;
}

/**
 * A sign-in with an email and a password (the console's, and the stand-in
 * identity provider's): failures count per account, wherever it is tried.
 */
export function guardPasswordSignIn<T>(platform: Platform, email: string, signIn: () => Promise<T>): Promise<T> {
  return signInThrottle(platform).guard([`login:${email.toLowerCase()}`], signIn);
}

export function userByCredentials(store: Store, email: string, password: string): UserRecord {
  const wanted = email.toLowerCase();
  const user = [...store.users.values()].find((u) => u.email.toLowerCase() === wanted);
  if (!user || !matchesFingerprint(user.password_fingerprint, password)) throw unauthorized('Incorrect email or password');
  return user;
}

export async function issueTokens(
  store: Store,
  user: UserRecord,
  settings: TokenSettings,
  sid: string = randomUUID(),
): Promise<TokenResponse> {
  const refresh = `rt_${randomBytes(32).toString('base64url')}`;
  store.refreshTokens.put({
    token_sha256: sha256(refresh),
    user_id: user.id,
    session_id: sid,
    expires_at: store.clock.seconds() + settings.refreshTtl,
  });
  return {
    access_token: await signAccessToken(store, user, settings.tokenTtl, sid),
    refresh_token: refresh,
    token_type: 'bearer',
    expires_in: settings.tokenTtl,
  };
}

/** The caller's address (@hono/node-server's socket); `local` for an in-process request. */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

/** `flow-sdk login` with an API key: an access token, no refresh token; a revoked key is refused. */
export async function exchangeApiKey(store: Store, apiKey: string, ttlSeconds: number): Promise<TokenResponse> {
  const { key, user } = liveApiKey(store, apiKey);
  noteApiKeyUse(store, key);
  return {
    access_token: await signAccessToken(store, user, ttlSeconds, `${API_KEY_SESSION}${key.id}`),
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
  if (rec.expires_at <= store.clock.seconds()) throw unauthorized('Refresh token has expired');
  const user = store.users.get(rec.user_id);
  if (!user) throw unauthorized('Invalid refresh token');
  return issueTokens(store, user, settings, rec.session_id);
}

/** End a session: the access token and the session's refresh tokens (or the one given) stop working. */
export function logout(store: Store, p: Principal, refreshToken?: string): void {
  const now = store.clock.seconds();
  store.sweep(store.revokedJtis, (r) => r.exp < now);
  store.sweep(store.refreshTokens, (r) => r.expires_at < now);
  store.revokedJtis.put({ jti: p.jti, exp: p.exp });
  if (refreshToken) {
    const rec = store.refreshTokens.get(sha256(refreshToken));
    if (rec && rec.user_id === p.user.id) store.refreshTokens.delete(rec.token_sha256);
  }
  for (const r of store.refreshTokens.in('session', p.sid)) store.refreshTokens.delete(r.token_sha256);
}
