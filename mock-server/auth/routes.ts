/** Sign in, refresh, sign out, who am I, and the API-key exchange `flow-sdk login` performs (seed 001, 004). */
import { ApiKeyExchangeRequest, LoginRequest, LogoutRequest, RefreshRequest, TokenResponse, Whoami } from '../../src/contract/auth';
import { paths } from '../../src/contract/paths';
import { sha256 } from '../core/hashing';
import { domainApi, get, post } from '../core/operations';
import { E401 } from '../core/responses';
import { noContent, reply } from '../core/replies';
import {
  clientAddress,
  exchangeApiKey,
  guardPasswordSignIn,
  issueTokens,
  logout,
  refreshTokens,
  signInThrottle,
  userByCredentials,
} from './rules';

/** What every sign-in that succeeds answers (a password, a refresh token, single sign-on). */
export const TOKENS = { description: 'Tokens', schema: TokenResponse };
const THROTTLED = {
  description:
    'Too many failed sign-ins for this account in the window (MOCK_LOGIN_MAX_FAILURES in MOCK_LOGIN_WINDOW_S): wait the `Retry-After` seconds; right or wrong, attempts until then are refused',
};

export const authApi = domainApi(
  ['auth'],
  [
    post(paths.login(), 'login', 'Log in with email and password', {
      auth: 'none',
      body: LoginRequest,
      responses: { 200: TOKENS, 401: { description: 'Incorrect email or password' }, 429: THROTTLED },
      handler: async ({ var: { store, platform, body } }) =>
        reply(
          200,
          TokenResponse,
          await guardPasswordSignIn(platform, body.email, async () =>
            issueTokens(store, userByCredentials(store, body.email, body.password), platform.settings),
          ),
        ),
    }),
    post(paths.refresh(), 'refresh', 'Exchange a refresh token for new tokens (the refresh token rotates)', {
      auth: 'none',
      body: RefreshRequest,
      responses: { 200: TOKENS, 401: { description: 'Invalid or expired refresh token' } },
      handler: async ({ var: { store, platform, body } }) =>
        reply(200, TokenResponse, await refreshTokens(store, body.refresh_token, platform.settings)),
    }),
    post(paths.logout(), 'logout', 'Invalidate the access token and the refresh token', {
      body: LogoutRequest,
      bodyOptional: true,
      responses: { 204: { description: 'Logged out' }, 401: E401 },
      handler: ({ var: { store, principal, body } }) => {
        logout(store, principal, body.refresh_token);
        return noContent();
      },
    }),
    get(paths.whoami(), 'whoami', 'The authenticated user', {
      responses: { 200: { description: 'The user', schema: Whoami }, 401: E401 },
      handler: ({ var: { principal } }) => {
        const u = principal.user;
        return reply(200, Whoami, { id: u.id, email: u.email, name: u.name, role: u.role, org_id: u.org_id });
      },
    }),
    post(
      paths.apiKeyExchange(),
      'exchangeApiKey',
      'Exchange an API key for an access token (what `flow-sdk login` does; the exchange is documented, its path is ours)',
      {
        auth: 'none',
        body: ApiKeyExchangeRequest,
        responses: {
          200: { description: 'An access token; no refresh token', schema: TokenResponse },
          401: { description: 'Invalid API key' },
          429: THROTTLED,
        },
        handler: async (c) => {
          const { store, platform, body } = c.var;
          // A key is its own account; guessing keys means trying many, so the caller's address counts too.
          const keys = [`api-key:${sha256(body.api_key)}`, `api-key-client:${clientAddress(c)}`];
          return reply(
            200,
            TokenResponse,
            await signInThrottle(platform).guard(keys, () => exchangeApiKey(store, body.api_key, body.ttl_minutes * 60)),
          );
        },
      },
    ),
  ],
);
