/**
 * Who is calling: access tokens are HS256 JWTs (sub, role, org_id, jti, sid,
 * iat, exp on the platform's clock) signed with the state's own secret.
 * `authenticate` is the middleware of every bearer operation: it puts the
 * caller in `c.var.principal` or answers the 401 the contract names;
 * `authorize` answers 403 to the roles an operation does not allow. Core checks
 * a token's signature and expiry; who its `sub` is, and whether its session
 * still stands, the domains say (`AuthHooks` in their domain.ts: the auth
 * domain's users and logouts, the api-keys domain's sessions and `fl_…` keys).
 * Issuing, refreshing and revoking tokens is the auth domain's (auth/rules.ts).
 */
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { sign, verify } from 'hono/jwt';
import type { Role } from '../../src/contract/auth';
import type { MockEnv, Platform, PlatformUser, Principal } from './context';
import { forbidden, unauthorized } from './errors';
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
export function signAccessToken(store: Store, user: PlatformUser, ttlSeconds: number, sid: string): Promise<string> {
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
export async function principalOf(platform: Platform, header: string | undefined): Promise<Principal> {
  const { store, registry } = platform;
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
  let user: PlatformUser | undefined;
  for (const hooks of registry.auth) user ??= hooks.user?.(store, { sub, jti, sid });
  if (!user) throw unauthorized('Invalid token');
  const principal = { user, jti, exp, sid };
  for (const hooks of registry.auth) hooks.session?.(store, principal);
  return principal;
}

export const authenticate: MiddlewareHandler<MockEnv> = async (c, next) => {
  c.set('principal', await principalOf(c.var.platform, c.req.header('authorization')));
  await next();
};

/**
 * For operations that take another bearer credential too (`apiKeyBearer`:
 * seed 003's agent API, "API key passed as Bearer token"): a domain that
 * recognises the token (`AuthHooks.bearer`) says whom it stands for, for this
 * request only; an access token works as everywhere.
 */
export const authenticateWithApiKey: MiddlewareHandler<MockEnv> = async (c, next) => {
  const { store, registry } = c.var.platform;
  const token = bearerToken(c.req.header('authorization'));
  for (const hooks of registry.auth) {
    const principal = hooks.bearer?.(store, token);
    if (principal) {
      c.set('principal', principal);
      return next();
    }
  }
  return authenticate(c, next);
};

export function authorize({ roles, action }: Access): MiddlewareHandler<MockEnv> {
  return async (c, next) => {
    const role = c.var.principal?.user.role;
    if (role && !roles.includes(role)) throw forbidden(`Your role (${role}) cannot ${action}`);
    await next();
  };
}
