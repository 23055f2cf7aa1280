/**
 * Organization API keys (seed 001): list, create, revoke — admins only. A new
 * key is in the create's answer and nowhere else, ever: under an
 * Idempotency-Key only its id is remembered, and a repeat of the key is a 409
 * naming it (as a minted service token is, tokens/routes.ts).
 */
import { ApiKey, ApiKeyCreate, ApiKeyCreated, ApiKeyListQuery, ApiKeyPage } from '../../src/contract/api-keys';
import { paths } from '../../src/contract/paths';
import { admins } from '../core/auth';
import { listPage, time, type ListSpec } from '../core/lists';
import { shownOnce } from '../core/idempotency';
import { apiPath, del, domainApi, get, post } from '../core/operations';
import type { ApiKeyRecord } from './records';
import { noContent, reply } from '../core/replies';
import type { Store } from '../core/store';
import { apiKeyReplayConflict, createApiKey, revokeApiKey } from './rules';

const KEYS = apiPath('/organizations/:org_id/api-keys', paths.apiKeys(':org_id'));
const KEY = apiPath('/organizations/:org_id/api-keys/:key_id', paths.apiKey(':org_id', ':key_id'));

/** What a list shows of a key: never the key, nor its fingerprint. */
function view(store: Store, k: ApiKeyRecord): ApiKey {
  const creator = k.created_by ? store.users.get(k.created_by) : undefined;
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    created_at: k.created_at,
    last_used_at: k.last_used_at,
    created_by: creator ? { id: creator.id, email: creator.email, name: creator.name } : null,
    revoked_at: k.revoked_at,
  };
}

const NO_STORE = { 'Cache-Control': 'no-store' };

const keyList: ListSpec<ApiKeyRecord> = {
  sort: { created_at: (k) => time(k.created_at), name: (k) => k.name, last_used_at: (k) => time(k.last_used_at) },
  text: (k) => [k.name, k.prefix],
};

export const apiKeysApi = domainApi(
  ['api-keys'],
  [
    get(
      KEYS,
      'listApiKeys',
      "The organization's API keys, newest first: name, prefix, creator, when created and last used, and whether revoked (never the key)",
      {
        allow: admins('list API keys'),
        query: ApiKeyListQuery,
        responses: { 200: { description: 'A page of API keys', schema: ApiKeyPage } },
        handler: ({ var: { store, org, query } }) => {
          const page = listPage(store.apiKeys.in('org', org.id), query, keyList);
          return reply(200, ApiKeyPage, { ...page, items: page.items.map((k) => view(store, k)) });
        },
      },
    ),
    post(
      KEYS,
      'createApiKey',
      'Create an API key (fl_…) that acts as its creator. The key is in this answer only: an Idempotency-Key seen before is a 409 naming the key it made, never a replay.',
      {
        allow: admins('create API keys'),
        body: ApiKeyCreate,
        idempotent: shownOnce('id', apiKeyReplayConflict),
        responses: {
          201: { description: 'The key, shown this once', schema: ApiKeyCreated },
          409: { description: 'The Idempotency-Key already created a key' },
        },
        handler: ({ var: { store, principal, body } }) => {
          const { record, key } = createApiKey(store, principal.user, body.name);
          return reply(201, ApiKeyCreated, { ...view(store, record), key }, NO_STORE);
        },
      },
    ),
    del(
      KEY,
      'revokeApiKey',
      'Revoke an API key: the exchange refuses it from now on and sessions opened with it end (again: nothing changes)',
      {
        allow: admins('revoke API keys'),
        responses: { 204: { description: 'Revoked' } },
        handler: ({ var: { store, apiKey, principal } }) => {
          revokeApiKey(store, apiKey, principal.user);
          return noContent();
        },
      },
    ),
  ],
);
