/**
 * Service tokens (CONTRACT §7, seed 004): mint, revoke one, revoke all, list
 * revocations. Mint and revoke: admin and developer; the list: everyone.
 *
 * Idempotency-Key on mint is remembered but never replayed: a token is shown
 * once, so a repeat of the key is a 409 naming the token's jti (revoke it if
 * the response was lost), and nothing of the token is kept.
 */
import * as z from 'zod/mini';
import { ListQuery } from '../src/contract/common';
import { paths, type Scope } from '../src/contract/paths';
import { MintRequest, MintResponse, Revocation, RevocationListQuery, RevocationPage, RevokeAllRequest, RevokeRequest } from '../src/contract/tokens';
import { ROLE_WRITE_SERVICES } from './auth';
import { HttpError, issue, validationError } from './errors';
import { defineRoute, must, reply, type AnyRoute } from './route';
import { isExpired, mintReplayConflict, mintToken, revokeAll, revokeOne } from './service-tokens';
import { sha256 } from './store';

const hono = (p: string) => decodeURIComponent(p);
const SCOPE: Scope = { orgId: ':org_id', workspaceId: ':workspace_id' };

const E401 = { description: 'Not authenticated, or the token is invalid or expired' };
const E403 = { description: "The caller's role may not do this" };
const E404 = { description: 'Not found' };
const E422 = { description: 'Validation error' };

export const RevocationPageQuery = z.extend(RevocationListQuery, z.pick(ListQuery, { limit: true, offset: true }).shape);

const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

export const TOKEN_ROUTES: AnyRoute[] = [
  defineRoute({
    method: 'post',
    path: hono(paths.mintToken(SCOPE, ':service_id')),
    operationId: 'mintServiceToken',
    summary:
      'Mint a service token (a signed JWT with the claims, sub = the service, org_id, jti, iat, exp). Shown once: an Idempotency-Key seen before is a 409 naming the jti, never a replay.',
    tags: ['service-tokens'],
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'mint service tokens',
    body: MintRequest,
    bodyOptional: true,
    responses: {
      201: { description: 'The token, shown this once', schema: MintResponse },
      401: E401,
      403: E403,
      404: E404,
      409: { description: 'The Idempotency-Key already minted a token' },
      422: { description: 'Validation error (TTL out of range, claims not an object, a reserved claim)' },
    },
    handler: async ({ store, service, principal, body, c }) => {
      const key = c.req.header('idempotency-key');
      let keyId: string | undefined;
      const bodyHash = sha256(canonical(body));
      if (key !== undefined) {
        if (key.length < 1 || key.length > 255) throw validationError([issue(['header', 'Idempotency-Key'], 'Idempotency-Key must be 1 to 255 characters', 'value_error')]);
        store.purgeIdempotency(IDEMPOTENCY_TTL_MS);
        keyId = sha256(`${must(principal).user.id}\nPOST ${c.req.path}\n${key}`);
        const prior = store.idempotency.get(keyId);
        if (prior) {
          if (prior.body_sha256 !== bodyHash) throw new HttpError(422, 'Idempotency-Key was already used with a different request body');
          throw mintReplayConflict((prior.body as { jti: string }).jti);
        }
      }
      const minted = await mintToken(store, must(service), body.claims, body.ttl_minutes);
      // Only the jti is remembered under the key; the token itself is never kept.
      if (keyId) store.idempotency.set(keyId, { key: keyId, body_sha256: bodyHash, status: 409, body: { jti: minted.jti }, created_at: Date.now() });
      // Persists the signing secret too, if this state file predates it.
      store.changed();
      return reply(201, MintResponse, minted, { 'Cache-Control': 'no-store' });
    },
  }),
  defineRoute({
    method: 'post',
    path: hono(paths.revokeToken(SCOPE, ':service_id')),
    operationId: 'revokeServiceToken',
    summary: 'Revoke one token by jti (again: the existing revocation, 200)',
    tags: ['service-tokens'],
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'revoke service tokens',
    body: RevokeRequest,
    responses: { 200: { description: 'Already revoked', schema: Revocation }, 201: { description: 'Revoked', schema: Revocation }, 401: E401, 403: E403, 404: E404, 422: E422 },
    handler: ({ store, service, principal, body }) => {
      const { rec, created } = revokeOne(store, must(service), must(principal).user.email, body.jti, body.expires_at ?? null, body.reason ?? null);
      return reply(created ? 201 : 200, Revocation, rec);
    },
  }),
  defineRoute({
    method: 'post',
    path: hono(paths.revokeAllTokens(SCOPE, ':service_id')),
    operationId: 'revokeAllServiceTokens',
    summary: 'Revoke every token of the service issued until now (tokens minted later work)',
    tags: ['service-tokens'],
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'revoke service tokens',
    body: RevokeAllRequest,
    responses: { 201: { description: 'Revoked', schema: Revocation }, 401: E401, 403: E403, 404: E404, 422: E422 },
    handler: ({ store, service, principal, body }) => reply(201, Revocation, revokeAll(store, must(service), must(principal).user.email, body.reason)),
  }),
  defineRoute({
    method: 'get',
    path: hono(paths.revocations(SCOPE, ':service_id')),
    operationId: 'listServiceTokenRevocations',
    summary: "The service's revocations, newest first (include_expired=true to include those past their expires_at)",
    tags: ['service-tokens'],
    auth: 'bearer',
    query: RevocationPageQuery,
    responses: { 200: { description: 'A page of revocations', schema: RevocationPage }, 401: E401, 404: E404, 422: E422 },
    handler: ({ store, service, query }) => {
      const now = Date.now();
      const all = [...store.revocations.values()]
        .filter((r) => r.service_id === must(service).id && (query.include_expired || !isExpired(r, now)))
        .sort((a, b) => (a.revoked_at < b.revoked_at ? 1 : a.revoked_at > b.revoked_at ? -1 : 0));
      return reply(200, RevocationPage, { items: all.slice(query.offset, query.offset + query.limit), total: all.length, limit: query.limit, offset: query.offset });
    },
  }),
];
