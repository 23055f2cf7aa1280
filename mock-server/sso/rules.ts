/**
 * Single sign-on (seed 001's `POST /auth/sso/initiate`; CONTRACT §14), the
 * authorization-code flow with a `state`:
 *
 * 1. initiate: the email's domain names the organization's identity provider;
 *    the platform issues a `state` and answers the provider's address.
 * 2. The provider (here the mock's stand-in page, idp.ts) signs the person in
 *    and sends the browser to the console's callback with a one-time `code`.
 * 3. callback: the platform checks it issued that `state`, that the code is the
 *    one issued for it, unused and at most 5 minutes old, and answers tokens.
 *
 * Neither the state nor the code is kept: only their SHA-256.
 */
import { randomBytes } from 'node:crypto';
import type { TokenResponse } from '../../src/contract/auth';
import { issueTokens, userByCredentials, type TokenSettings } from '../auth/rules';
import { HttpError, issue, unauthorized } from '../core/errors';
import { sha256 } from '../core/hashing';
import { IDS } from '../core/seed-ids';
import type { Store } from '../core/store';
import { iso } from '../core/time';
import type { SsoRequestRecord } from './records';

/** From initiate to signing in at the provider. */
export const STATE_TTL_MS = 10 * 60_000;
/** From the provider's redirect to the callback (CONTRACT §14: at most 5 minutes). */
export const CODE_TTL_MS = 5 * 60_000;
/** A finished or abandoned sign-in is forgotten after this. */
const KEEP_MS = 3600_000;

/** The console's page the provider sends the browser back to. */
export const CALLBACK_PAGE = '/sso/callback';
/** The stand-in provider's page, under the API base so that the console's proxy reaches it in development and tests. */
export const IDP_PAGE = '/mock-idp/authorize';

/** Which email domains sign in through an identity provider, and for which organization: the demo organization's. */
export const IDENTITY_PROVIDERS: readonly { domain: string; orgId: string; name: string }[] = [
  { domain: 'example.com', orgId: IDS.org, name: 'Example Identity (stand-in)' },
];

export const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();
export const providerFor = (email: string) => IDENTITY_PROVIDERS.find((p) => p.domain === domainOf(email));

const secret = () => randomBytes(32).toString('base64url');
const on = (field: 'email' | 'state' | 'code', status: number, msg: string, type: string) =>
  new HttpError(status, [issue(['body', field], msg, type)]);

/** Step 1: a state, and the provider's address for it; a domain without a provider is a 404 on the email. */
export function initiate(store: Store, consoleUrl: string, email: string): { authorization_url: string; state: string } {
  const provider = providerFor(email);
  if (!provider)
    throw on(
      'email',
      404,
      `Single sign-on is not set up for ${domainOf(email)}: sign in with your email and password, or ask your admin which address to use.`,
      'sso_not_configured',
    );
  const now = store.clock.now();
  store.sweep(store.ssoRequests, (r) => Date.parse(r.created_at) + KEEP_MS < now);
  const state = secret();
  store.ssoRequests.put({
    state_sha256: sha256(state),
    org_id: provider.orgId,
    email,
    created_at: iso(now),
    expires_at: iso(now + STATE_TTL_MS),
    code_sha256: null,
    user_id: null,
    code_issued_at: null,
    code_used_at: null,
  });
  const query = new URLSearchParams({ response_type: 'code', client_id: 'hosted-services-console', state, login_hint: email });
  return { authorization_url: `${consoleUrl}/api/v1${IDP_PAGE}?${query}`, state };
}

/** A sign-in the provider may still complete: issued, not expired, no code yet. */
export function pendingRequest(store: Store, state: string): SsoRequestRecord | string {
  const request = store.ssoRequests.get(sha256(state));
  if (!request) return 'This sign-in request is not one the platform started.';
  if (request.code_sha256 !== null) return 'This sign-in request has already been completed.';
  if (Date.parse(request.expires_at) <= store.clock.now()) return 'This sign-in request has expired (after 10 minutes).';
  return request;
}

/**
 * Step 2, at the stand-in provider: check the person's password (the demo's
 * users are the provider's directory) and issue a code. Answers where the
 * browser goes next: the console's callback with the code and the state.
 */
export function signInAtProvider(
  store: Store,
  consoleUrl: string,
  body: { state: string; email: string; password: string },
): { redirect_to: string } {
  const request = pendingRequest(store, body.state);
  if (typeof request === 'string') throw on('state', 400, `${request} Go back to the console and start again.`, 'sso_state_invalid');
  const provider = IDENTITY_PROVIDERS.find((p) => p.orgId === request.org_id && p.domain === domainOf(body.email));
  if (!provider) throw on('email', 422, `This identity provider signs in ${domainOf(request.email)} accounts only.`, 'sso_wrong_domain');
  const user = userByCredentials(store, body.email, body.password);
  if (user.org_id !== request.org_id) throw unauthorized('Incorrect email or password');
  const code = secret();
  store.ssoRequests.put({ ...request, code_sha256: sha256(code), user_id: user.id, code_issued_at: store.clock.iso() });
  return { redirect_to: `${consoleUrl}${CALLBACK_PAGE}?${new URLSearchParams({ code, state: body.state })}` };
}

/** Step 3: the code for tokens, once, within 5 minutes, for the state it was issued to. */
export async function exchange(store: Store, settings: TokenSettings, body: { code: string; state: string }): Promise<TokenResponse> {
  const now = store.clock.now();
  const request = store.ssoRequests.get(sha256(body.state));
  if (!request)
    throw on(
      'state',
      400,
      'The platform did not start this sign-in (the state is not one it issued): start again from the sign-in page.',
      'sso_state_unknown',
    );
  if (request.code_sha256 === null || request.code_sha256 !== sha256(body.code))
    throw on('code', 400, 'This sign-in code is not the one the identity provider issued for this sign-in.', 'sso_code_invalid');
  if (request.code_used_at !== null)
    throw on(
      'code',
      400,
      'This sign-in code has already been used: each code signs in once. Start again from the sign-in page.',
      'sso_code_used',
    );
  if (Date.parse(request.code_issued_at!) + CODE_TTL_MS < now)
    throw on('code', 400, 'This sign-in code has expired (codes last 5 minutes): start again from the sign-in page.', 'sso_code_expired');
  const user = request.user_id ? store.users.get(request.user_id) : undefined;
  if (!user || user.org_id !== request.org_id)
    throw on('code', 400, 'The account this code signs in is no longer a member of the organization.', 'sso_user_gone');
  store.ssoRequests.put({ ...request, code_used_at: iso(now) });
  return issueTokens(store, user, settings);
}
