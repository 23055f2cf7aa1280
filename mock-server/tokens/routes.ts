/**
 * Service tokens (CONTRACT §7, seed 004): mint, list what was minted, revoke
 * one, revoke all, list revocations. Mint and revoke: admin and developer;
 * the lists: everyone.
 *
 * A minted token is shown once: under an Idempotency-Key only its jti is
 * remembered, and a repeat of the key (even one sent while the first is still
 * minting) is a 409 naming that jti — one token, never a second copy of it.
 */
import { paths } from '../../src/contract/paths';
import {
  MintedTokenListQuery,
  MintedTokenPage,
  MintRequest,
  MintResponse,
  Revocation,
  type MintedToken,
  RevocationListQuery,
  RevocationPage,
  RevokeAllRequest,
  RevokeRequest,
} from '../../src/contract/tokens';
import { record } from '../activity/rules';
import { developers } from '../core/auth';
import { listPage, time, type ListSpec } from '../core/lists';
import { shownOnce } from '../core/idempotency';
import { domainApi, get, post } from '../core/operations';
import { servicePath } from '../services/paths';
import { reply } from '../core/replies';
import type { RevocationRecord } from './records';
import { isExpired, mintedTokensOf, mintReplayConflict, mintToken, revokeAll, revokeOne, ttlWords } from './rules';

const TOKENS = servicePath('/service-tokens', paths.serviceTokens);
const MINT = servicePath('/service-tokens/mint', paths.mintToken);
const REVOKE = servicePath('/service-tokens/revoke', paths.revokeToken);
const REVOKE_ALL = servicePath('/service-tokens/revoke-all', paths.revokeAllTokens);
const REVOCATIONS = servicePath('/service-tokens/revocations', paths.revocations);

const mintedList: ListSpec<MintedToken> = {
  sort: { issued_at: (t) => time(t.issued_at), expires_at: (t) => time(t.expires_at) },
  text: (t) => [t.jti, t.issued_by],
  status: (t) => t.status,
};

const revocationList: ListSpec<RevocationRecord> = {
  sort: { revoked_at: (r) => time(r.revoked_at), expires_at: (r) => time(r.expires_at) },
  text: (r) => [r.jti, r.reason, r.revoked_by],
};
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
        // Only the jti is remembered under the key; the token itself is never kept.
        idempotent: shownOnce('jti', mintReplayConflict),
        responses: {
          201: { description: 'The token, shown this once', schema: MintResponse },
          409: { description: 'The Idempotency-Key already minted a token' },
          422: { description: 'Validation error (TTL out of range, claims not an object, a reserved claim)' },
        },
        handler: async ({ var: { store, service, principal, body } }) => {
          const minted = await mintToken(store, service, principal.user.email, body.claims, body.ttl_minutes);
          record(store, service.id, principal.user, {
            kind: 'token.minted',
            summary: `Minted token ${minted.jti}, valid for ${ttlWords(body.ttl_minutes)}`,
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
        query: MintedTokenListQuery,
        responses: { 200: { description: 'A page of minted tokens', schema: MintedTokenPage } },
        handler: ({ var: { store, service, query } }) => {
          // mintedTokensOf reads newest first; the list takes its rows oldest first.
          return reply(200, MintedTokenPage, listPage(mintedTokensOf(store, service.id).reverse(), query, mintedList));
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
        responses: {
          200: { description: 'Already revoked', schema: Revocation },
          201: { description: 'Revoked', schema: Revocation },
          404: { description: 'Not found, or no token with this jti was issued by this service' },
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
        responses: { 201: { description: 'Revoked', schema: Revocation } },
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
        query: RevocationListQuery,
        responses: { 200: { description: 'A page of revocations', schema: RevocationPage } },
        handler: ({ var: { store, service, query } }) => {
          const now = store.clock.now();
          const all = store.revocations.in('service', service.id).filter((r) => query.include_expired || !isExpired(r, now));
          return reply(200, RevocationPage, listPage(all, query, revocationList));
        },
      },
    ),
  ],
);
