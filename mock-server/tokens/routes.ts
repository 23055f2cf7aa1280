/**
 * Service tokens (CONTRACT §7, seed 004): mint, list what was minted, revoke
 * one, revoke all, list revocations. Mint and revoke: admin and developer;
 * the lists: everyone.
 *
 * A minted token is shown once: under an Idempotency-Key only its jti is
 * remembered, and a repeat of the key (even one sent while the first is still
 * minting) is a 409 naming that jti — one token, never a second copy of it.
 */
import * as z from 'zod/mini';
import { paths } from '../../src/contract/paths';
import {
  MintedTokenListQuery,
  MintedTokenPage,
  MintRequest,
  MintResponse,
  Revocation,
  RevocationListQuery,
  RevocationPage,
  RevokeAllRequest,
  RevokeRequest,
} from '../../src/contract/tokens';
import { record } from '../activity/rules';
import { developers } from '../core/auth';
import { paginate, PagingQuery } from '../core/lists';
import { domainApi, get, post } from '../core/operations';
import { servicePath } from '../services/paths';
import { reply } from '../core/replies';
import { E422, READ_ERRORS, WRITE_ERRORS } from '../core/responses';
import { isExpired, mintedTokensOf, mintReplayConflict, mintToken, revokeAll, revokeOne } from './rules';

const TOKENS = servicePath('/service-tokens', paths.serviceTokens);
const MINT = servicePath('/service-tokens/mint', paths.mintToken);
const REVOKE = servicePath('/service-tokens/revoke', paths.revokeToken);
const REVOKE_ALL = servicePath('/service-tokens/revoke-all', paths.revokeAllTokens);
const REVOCATIONS = servicePath('/service-tokens/revocations', paths.revocations);

export const RevocationPageQuery = z.extend(RevocationListQuery, PagingQuery.shape);
export const MintedTokenPageQuery = z.extend(MintedTokenListQuery, PagingQuery.shape);
const revokes = developers('revoke service tokens');

export const tokensApi = domainApi(
  ['service-tokens'],
  [
    post(
      MINT,
      'mintServiceToken',
      'Mint a service token (a signed JWT with the claims, sub = the service, org_id, jti, iat, exp). Shown once: an Idempotency-Key seen before is a 409 naming the jti, never a replay.',
      {
        allow: developers('mint service tokens'),
        body: MintRequest,
        bodyOptional: true,
        idempotent: {
          // Only the jti is remembered under the key; the token itself is never kept.
          remember: (body) => ({ jti: (body as { jti: string }).jti }),
          repeat: (remembered) => mintReplayConflict((remembered as { jti: string }).jti),
        },
        responses: {
          201: { description: 'The token, shown this once', schema: MintResponse },
          ...WRITE_ERRORS,
          409: { description: 'The Idempotency-Key already minted a token' },
          422: { description: 'Validation error (TTL out of range, claims not an object, a reserved claim)' },
        },
        handler: async ({ var: { store, service, principal, body } }) => {
          const minted = await mintToken(store, service, principal.user.email, body.claims, body.ttl_minutes);
          record(store, service.id, principal.user, {
            kind: 'token.minted',
            summary: `Minted token ${minted.jti} (valid until ${minted.expires_at})`,
            jti: minted.jti,
          });
          return reply(201, MintResponse, minted, { 'Cache-Control': 'no-store' });
        },
      },
    ),
    get(
      TOKENS,
      'listServiceTokens',
      'Extension: the tokens minted for the service, newest first — their jti, claims, times, who minted them and their status (active, expired, revoked); never the token',
      {
        query: MintedTokenPageQuery,
        extension: true,
        responses: { 200: { description: 'A page of minted tokens', schema: MintedTokenPage }, ...READ_ERRORS, 422: E422 },
        handler: ({ var: { store, service, query } }) => {
          const all = mintedTokensOf(store, service.id).filter((t) => !query.status || t.status === query.status);
          return reply(200, MintedTokenPage, paginate(all, query));
        },
      },
    ),
    post(
      REVOKE,
      'revokeServiceToken',
      'Extension (seed 004 names the call, not its path): revoke one token this service issued, by jti (again: the existing revocation, 200; a jti it never issued: 404, whatever expires_at says). Listed as in force until expires_at — the caller’s within the token’s life (cut to its expiry; before its issue, 422), else the token’s expiry; the gateway refuses the token from then on.',
      {
        allow: revokes,
        body: RevokeRequest,
        extension: true,
        responses: {
          200: { description: 'Already revoked', schema: Revocation },
          201: { description: 'Revoked', schema: Revocation },
          ...WRITE_ERRORS,
          404: { description: 'Not found, or no token with this jti was issued by this service' },
          422: E422,
        },
        handler: ({ var: { store, service, principal, body } }) => {
          const { rec, created } = revokeOne(store, service, principal.user.email, body.jti, body.reason ?? null, body.expires_at ?? null);
          if (created)
            record(store, service.id, principal.user, {
              kind: 'token.revoked',
              summary: `Revoked token ${body.jti}${rec.reason ? `: ${rec.reason}` : ''}`,
              jti: body.jti,
            });
          return reply(created ? 201 : 200, Revocation, rec);
        },
      },
    ),
    post(
      REVOKE_ALL,
      'revokeAllServiceTokens',
      'Extension (seed 004 names the call, not its path): revoke every token of the service issued until now (tokens minted later work)',
      {
        allow: revokes,
        body: RevokeAllRequest,
        extension: true,
        responses: { 201: { description: 'Revoked', schema: Revocation }, ...WRITE_ERRORS, 422: E422 },
        handler: ({ var: { store, service, principal, body } }) => {
          const rec = revokeAll(store, service, principal.user.email, body.reason);
          record(store, service.id, principal.user, {
            kind: 'tokens.revoked_all',
            summary: `Revoked every token minted until now: ${body.reason}`,
          });
          return reply(201, Revocation, rec);
        },
      },
    ),
    get(
      REVOCATIONS,
      'listServiceTokenRevocations',
      "Extension (seed 004 names the call, not its path): the service's revocations, newest first (include_expired=true to include those past their expires_at)",
      {
        query: RevocationPageQuery,
        extension: true,
        responses: { 200: { description: 'A page of revocations', schema: RevocationPage }, ...READ_ERRORS, 422: E422 },
        handler: ({ var: { store, service, query } }) => {
          const now = store.clock.now();
          const all = store.revocations
            .in('service', service.id)
            .filter((r) => query.include_expired || !isExpired(r, now))
            .sort((a, b) => (a.revoked_at < b.revoked_at ? 1 : a.revoked_at > b.revoked_at ? -1 : 0));
          return reply(200, RevocationPage, paginate(all, query));
        },
      },
    ),
  ],
);
