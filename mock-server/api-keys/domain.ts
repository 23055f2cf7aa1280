/**
 * Organization API keys (seed 001, 003, 004): created and revoked by admins,
 * exchanged for access tokens (the auth domain), and taken as the bearer
 * credential itself where seed 003 says so. A session opened with a key ends
 * when the key is revoked.
 */
import * as apiKeys from '../../src/contract/api-keys';
import { belongsTo, defineDomain } from '../core/domain';
import { byId } from '../core/store';
import { unauthorized } from '../core/errors';
import type { ApiKeyRecord } from './records';
import { apiKeysApi } from './routes';
import { API_KEY_SESSION, findApiKey, noteApiKeyUse } from './rules';
import { demoApiKeys } from './seed';

declare module '../core/store' {
  interface Collections {
    /** By id; an organization's, and found by their prefix. */
    apiKeys: Collection<ApiKeyRecord, 'org' | 'prefix'>;
  }
}
declare module '../core/context' {
  interface ScopeParams {
    key_id: { var: 'apiKey'; value: ApiKeyRecord };
  }
}

export const apiKeysDomain = defineDomain({
  name: 'api-keys',
  apis: [apiKeysApi],
  collections: {
    apiKeys: byId('organization_api_keys', { org: (k) => k.org_id, prefix: (k) => k.prefix }),
  },
  seed: ({ ago }) => ({ apiKeys: demoApiKeys(ago) }),
  scope: {
    // In the organization of the path.
    key_id: { var: 'apiKey', thing: 'API key', find: belongsTo('apiKeys', { org_id: 'org' }) },
  },
  auth: {
    session: (store, { sid }) => {
      if (!sid.startsWith(API_KEY_SESSION)) return;
      const key = store.apiKeys.get(sid.slice(API_KEY_SESSION.length));
      if (!key || key.revoked_at !== null) throw unauthorized('The API key this session was opened with has been revoked');
    },
    // Seed 003's agent API: an organization key (`fl_…`) as the bearer credential, for this request only.
    bearer: (store, token) => {
      if (!token.startsWith('fl_')) return undefined;
      const key = findApiKey(store, token);
      const user = key && key.revoked_at === null ? store.users.get(key.user_id) : undefined;
      if (!key || !user) throw unauthorized(key?.revoked_at ? 'This API key was revoked' : 'Invalid API key');
      noteApiKeyUse(store, key);
      const sid = `${API_KEY_SESSION}${key.id}`;
      return { user, jti: sid, exp: store.clock.seconds() + 60, sid };
    },
  },
  openapi: { schemas: [apiKeys] },
});
