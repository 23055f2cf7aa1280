/**
 * Users and their sessions (seed 001, 004): sign in, refresh, sign out, who am
 * I, the API-key exchange; and who an access token is, for every operation.
 */
import * as auth from '../../src/contract/auth';
import { defineDomain } from '../core/domain';
import { byId } from '../core/store';
import type { ThrottleSettings } from '../core/throttle';
import type { RefreshTokenRecord, RevokedJtiRecord, UserRecord } from './records';
import { authApi } from './routes';
import { DEFAULT_REFRESH_TTL_S, DEFAULT_THROTTLE, DEFAULT_TOKEN_TTL_S } from './rules';
import { demoUsers } from './seed';

declare module '../core/store' {
  interface Collections {
    users: Collection<UserRecord>;
    /** By the refresh token's SHA-256 (never the token); a session's, by its id. */
    refreshTokens: Collection<RefreshTokenRecord, 'session'>;
    /** Access tokens signed out before their expiry, by jti. */
    revokedJtis: Collection<RevokedJtiRecord>;
  }
}
declare module '../core/context' {
  interface Settings {
    /** Access token lifetime, seconds (`MOCK_TOKEN_TTL`, default 900). */
    tokenTtl: number;
    /** Refresh token lifetime, seconds (default 7 days). */
    refreshTtl: number;
    /** `MOCK_LOGIN_MAX_FAILURES` and `MOCK_LOGIN_WINDOW_S` (core/throttle.ts); default 10 failures in 300 s. */
    signInThrottle: ThrottleSettings;
  }
}

export const authDomain = defineDomain({
  name: 'auth',
  apis: [authApi],
  collections: {
    users: byId('users'),
    refreshTokens: { table: 'refresh_tokens', key: (t) => t.token_sha256, groups: { session: (t) => t.session_id } },
    revokedJtis: { table: 'revoked_jtis', key: (r) => r.jti },
  },
  seed: ({ ago }) => ({ users: demoUsers(ago) }),
  settings: { tokenTtl: DEFAULT_TOKEN_TTL_S, refreshTtl: DEFAULT_REFRESH_TTL_S, signInThrottle: DEFAULT_THROTTLE },
  // A token signed out (logout) is no one's any more.
  auth: { user: (store, { sub, jti }) => (store.revokedJtis.has(jti) ? undefined : store.users.get(sub)) },
  openapi: { schemas: [auth] },
});
