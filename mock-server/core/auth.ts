/**
 * Who is calling: access tokens are HS256 JWTs (sub, role, org_id, jti, sid,
 * iat, exp) signed with the state's own secret. `authenticate` is the
 * middleware of every bearer operation: it puts the caller in `c.var.principal`
 * or answers the 401 the contract names; `authorize` answers 403 to the roles
 * an operation does not allow. Issuing, refreshing and revoking
 * tokens is the auth domain's (auth/rules.ts). A session opened with an API key
 * (`sid` `api-key:<key id>`) ends when the key is revoked.
 */
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { sign, verify } from 'hono/jwt';
import type { Role } from '../../src/contract/auth';
import { API_KEY_SESSION, findApiKey, noteApiKeyUse } from '../api-keys/rules';
import type { MockEnv, Principal } from './context';
import { forbidden, unauthorized } from './errors';
import type { UserRecord } from './records';
import type { Store } from './store';

/** Who may do an operation, and what it is called in the 403 the others get. */
export interface Access {
  roles: readonly Role[];
  action: string;
}
/** Admins and developers: services, versions, deploys, tokens (CONTRACT §8). */
export const developers = (action: string): Access => ({ roles: ['admin', 'developer'], action });
/** Admins only: rings and organization credentials. */
export const admins = (action: string): Access => ({ roles: ['admin'], action });

/** An access token for `user`, issued now on the platform's clock (`iat`), valid `ttlSeconds` (`exp`). */
export function signAccessToken(store: Store, user: UserRecord, ttlSeconds: number, sid: string): Promise<string> {
  const iat = store.clock.seconds();
  return sign(
    { sub: user.id, role: user.role, org_id: user.org_id, jti: randomUUID(), sid, iat, exp: iat + ttlSeconds },
    store.jwtSecret,
    'HS256',
  );
}

/** `Authorization: Bearer <token>` → the token, or the 401 "Not authenticated". */
export function bearerToken(header: string | undefined): string {
  const m = header ? /^\s*Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!m || !m[1]) throw unauthorized('Not authenticated');
  return m[1];
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
export async function principalOf(store: Store, header: string | undefined): Promise<Principal> {
  const token = bearerToken(header);
  let payload: Record<string, unknown>;
  try {
    payload = await verifySignature(token, store.jwtSecret);
  } catch {
    throw unauthorized('Invalid token');
  }
  const { sub, jti, exp, sid } = payload;
  if (typeof sub !== 'string' || typeof jti !== 'string' || typeof exp !== 'number' || typeof sid !== 'string')
    throw unauthorized('Invalid token');
  if (exp <= store.clock.seconds()) throw unauthorized('Token has expired');
  if (store.revokedJtis.has(jti)) throw unauthorized('Invalid token');
  const user = store.users.get(sub);
  if (!user) throw unauthorized('Invalid token');
  if (sid.startsWith(API_KEY_SESSION)) {
    const key = store.apiKeys.get(sid.slice(API_KEY_SESSION.length));
    if (!key || key.revoked_at !== null) throw unauthorized('The API key this session was opened with has been revoked');
  }
  return { user, jti, exp, sid };
}

export const authenticate: MiddlewareHandler<MockEnv> = async (c, next) => {
  c.set('principal', await principalOf(c.var.store, c.req.header('authorization')));
  await next();
};

/**
 * For seed 003's agent API ("API key passed as Bearer token"): an
 * organization API key (`fl_…`) is taken as the Bearer credential too, for
 * this request only; an access token works as everywhere.
 */
export const authenticateWithApiKey: MiddlewareHandler<MockEnv> = async (c, next) => {
  const { store } = c.var;
  const header = c.req.header('authorization');
  const token = bearerToken(header);
  if (!token.startsWith('fl_')) return authenticate(c, next);
  const key = findApiKey(store, token);
  const user = key && key.revoked_at === null ? store.users.get(key.user_id) : undefined;
  if (!key || !user) throw unauthorized(key?.revoked_at ? 'This API key was revoked' : 'Invalid API key');
  noteApiKeyUse(store, key);
  c.set('principal', { user, jti: `${API_KEY_SESSION}${key.id}`, exp: store.clock.seconds() + 60, sid: `${API_KEY_SESSION}${key.id}` });
  await next();
};

export function authorize({ roles, action }: Access): MiddlewareHandler<MockEnv> {
  return async (c, next) => {
    const role = c.var.principal?.user.role;
    if (role && !roles.includes(role)) throw forbidden(`Your role (${role}) cannot ${action}`);
    await next();
  };
}
