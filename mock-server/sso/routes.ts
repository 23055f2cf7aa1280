/**
 * Single sign-on: `POST /auth/sso/initiate` (seed 001, documented),
 * `POST /auth/sso/callback` (our extension), and the mock's stand-in identity
 * provider for the demo organization's domain (`example.com`), at
 * `/api/v1/mock-idp/authorize` so that the console's proxy reaches it in
 * development and tests alike. The provider is not the platform, so not one
 * of its extensions either: it is served in both profiles, tagged `mock-idp`.
 */
import * as z from 'zod/mini';
import { TokenResponse } from '../../src/contract/auth';
import { SsoCallbackRequest, SsoInitiateRequest, SsoInitiateResponse } from '../../src/contract/sso';
import { paths } from '../../src/contract/paths';
import { apiPath, domainApi, get, post } from '../core/operations';
import { reply } from '../core/replies';
import { E401, E404 } from '../core/responses';
import { guardPasswordSignIn } from '../auth/rules';
import { TOKENS } from '../auth/routes';
import { consoleOrigin } from '../users/rules';
import { problemPage, signInPage } from './idp-page';
import { CALLBACK_PAGE, exchange, IDENTITY_PROVIDERS, IDP_PAGE, initiate, pendingRequest, signInAtProvider } from './rules';

const IDP = apiPath(IDP_PAGE, IDP_PAGE);

/** The provider's page takes what an authorization request carries; anything unexpected is said on the page. */
const AuthorizeQuery = z.object({
  state: z.optional(z.string().check(z.maxLength(512))),
  login_hint: z.optional(z.string().check(z.maxLength(320))),
});
const ProviderSignIn = z.strictObject({
  state: z.string().check(z.minLength(1), z.maxLength(512)),
  email: z.email({ error: 'Enter your email address' }),
  password: z.string().check(z.minLength(1, { error: 'Enter your password' }), z.maxLength(256)),
});
const ProviderRedirect = z.object({ redirect_to: z.string() });

const HTML_HEADERS = (csp: string) => ({
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': csp,
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
});

const THROTTLED = { description: 'Too many failed sign-ins for this account: wait the `Retry-After` seconds' };
const PROVIDER = IDENTITY_PROVIDERS[0]!.name;

export const ssoApi = domainApi(
  ['auth'],
  [
    post(paths.ssoInitiate(), 'initiateSso', "Start single sign-on: the email's organization names the identity provider", {
      auth: 'none',
      body: SsoInitiateRequest,
      responses: {
        200: { description: 'Where to send the browser, and the state to check when it comes back', schema: SsoInitiateResponse },
        404: { ...E404, description: 'No single sign-on for the email’s domain (on the email)' },
      },
      handler: ({ var: { store, platform, body } }) =>
        reply(200, SsoInitiateResponse, initiate(store, consoleOrigin(platform.settings), body.email), { 'Cache-Control': 'no-store' }),
    }),
    post(
      paths.ssoCallback(),
      'finishSso',
      "Finish single sign-on: the identity provider's one-time code, and the state the platform issued",
      {
        auth: 'none',
        body: SsoCallbackRequest,
        responses: {
          200: TOKENS,
          400: {
            description:
              'A state the platform did not issue, or a code that is wrong, used or over 5 minutes old (on the state or the code)',
          },
        },
        handler: async ({ var: { store, platform, body } }) => reply(200, TokenResponse, await exchange(store, platform.settings, body)),
      },
    ),
    get(IDP, 'mockIdpAuthorize', "The mock's stand-in identity provider (not the platform's API): its sign-in page", {
      tags: ['mock-idp'],
      auth: 'none',
      query: AuthorizeQuery,
      responses: {
        200: { description: 'The sign-in page', contentType: 'text/html' },
        400: { description: 'A page that says why the sign-in cannot continue', contentType: 'text/html' },
      },
      handler: ({ var: { store, platform, query } }) => {
        const consoleUrl = consoleOrigin(platform.settings);
        const request = query.state ? pendingRequest(store, query.state) : 'The address has no sign-in request (no state).';
        const { html, csp } =
          typeof request === 'string'
            ? problemPage({ provider: PROVIDER, reason: request, backUrl: `${consoleUrl}/login` })
            : signInPage({
                provider: PROVIDER,
                action: `/api/v1${IDP_PAGE}`,
                state: query.state!,
                loginHint: query.login_hint ?? request.email,
                cancelUrl: `${consoleUrl}${CALLBACK_PAGE}?${new URLSearchParams({ error: 'access_denied', state: query.state! })}`,
              });
        return { status: typeof request === 'string' ? 400 : 200, text: html, headers: HTML_HEADERS(csp) };
      },
    }),
    post(
      IDP,
      'mockIdpSignIn',
      "The mock's stand-in identity provider (not the platform's API): sign in, for a code and where the browser goes next",
      {
        tags: ['mock-idp'],
        auth: 'none',
        body: ProviderSignIn,
        responses: {
          200: { description: "The console's callback, with the code and the state", schema: ProviderRedirect },
          400: { description: 'The sign-in request is unknown, finished or expired (on the state)' },
          401: { ...E401, description: 'Incorrect email or password' },
          429: THROTTLED,
        },
        handler: async ({ var: { store, platform, body } }) =>
          reply(
            200,
            ProviderRedirect,
            await guardPasswordSignIn(platform, body.email, async () => signInAtProvider(store, consoleOrigin(platform.settings), body)),
            { 'Cache-Control': 'no-store' },
          ),
      },
    ),
  ],
);
