// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { TokenResponse } from '../../src/contract/auth';
import { SsoInitiateResponse } from '../../src/contract/sso';
import { paths } from '../../src/contract/paths';
import { API, bodyOf, IDS, setup } from '../test-helpers';

const CONSOLE = 'http://console.test:4173';
const INITIATE = `${API}${paths.ssoInitiate()}`;
const CALLBACK = `${API}${paths.ssoCallback()}`;
const IDP = `${API}/mock-idp/authorize`;

type Platform = ReturnType<typeof setup>;

async function start(p: Platform, email = 'developer@example.com') {
  return bodyOf(await p.call('POST', INITIATE, { body: { email } }), 200, SsoInitiateResponse);
}

/** Sign in at the stand-in provider, as its page's script does: the code and state it sends the browser back with. */
async function signInAtProvider(p: Platform, state: string, email = 'developer@example.com', password = 'password') {
  const res = await p.call('POST', IDP, { body: { state, email, password } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const back = new URL(res.body.redirect_to);
  expect(`${back.origin}${back.pathname}`).toBe(`${CONSOLE}/sso/callback`);
  return { code: back.searchParams.get('code')!, state: back.searchParams.get('state')! };
}

const finish = (p: Platform, body: unknown) => p.call('POST', CALLBACK, { body });
const firstIssue = (res: { body: { detail: { loc: unknown[]; type: string; msg: string }[] } }) => res.body.detail[0]!;

describe('single sign-on', () => {
  it('initiate names the demo organization’s provider; its page signs in; the callback answers tokens for that user', async () => {
    const p = setup({ consoleUrl: CONSOLE });
    const { authorization_url, state } = await start(p, '  Developer@Example.com ');
    const url = new URL(authorization_url);
    expect(`${url.origin}${url.pathname}`).toBe(`${CONSOLE}/api/v1/mock-idp/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'hosted-services-console',
      state,
      login_hint: 'developer@example.com',
    });

    const page = await p.call('GET', `${url.pathname}${url.search}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const csp = page.headers.get('content-security-policy')!;
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)![1]!;
    expect(csp).toContain("default-src 'none'");
    expect(page.body).toContain(`<script nonce="${nonce}">`);
    expect(page.body).toContain('value="developer@example.com"');
    expect(page.body).toContain(`data-state="${state}"`);

    const back = await signInAtProvider(p, state);
    expect(back.state).toBe(state);
    const tokens = await finish(p, back);
    expect(tokens.status).toBe(200);
    const { access_token } = TokenResponse.parse(tokens.body);
    expect((await p.call('GET', `${API}${paths.whoami()}`, { token: access_token })).body).toMatchObject({
      id: IDS.users.developer,
      role: 'developer',
    });
    // Neither the state nor the code is kept.
    const state_ = JSON.stringify(p.platform.store.dump());
    expect(state_).not.toContain(state);
    expect(state_).not.toContain(back.code);
  });

  it('an email whose domain has no single sign-on is a 404 on the email, with the reason; a bad email a 422', async () => {
    const p = setup();
    const none = await p.call('POST', INITIATE, { body: { email: 'someone@elsewhere.org' } });
    expect(none.status).toBe(404);
    expect(firstIssue(none)).toMatchObject({
      loc: ['body', 'email'],
      type: 'sso_not_configured',
      msg: expect.stringContaining('Single sign-on is not set up for elsewhere.org'),
    });
    expect(firstIssue(await p.call('POST', INITIATE, { body: { email: 'nobody' } })).loc).toEqual(['body', 'email']);
    expect(firstIssue(await p.call('POST', INITIATE, { body: {} })).loc).toEqual(['body', 'email']);
  });

  it('a code works once: used again, it is refused on the code', async () => {
    const p = setup({ consoleUrl: CONSOLE });
    const back = await signInAtProvider(p, (await start(p)).state);
    expect((await finish(p, back)).status).toBe(200);
    const again = await finish(p, back);
    expect(again.status).toBe(400);
    expect(firstIssue(again)).toMatchObject({ loc: ['body', 'code'], type: 'sso_code_used' });
  });

  it('a state the platform did not issue, or a code issued for another sign-in, is refused on that field', async () => {
    const p = setup({ consoleUrl: CONSOLE });
    const one = await signInAtProvider(p, (await start(p)).state);
    const two = await signInAtProvider(p, (await start(p, 'admin@example.com')).state, 'admin@example.com');
    const wrongState = await finish(p, { code: one.code, state: 'not-a-state-we-issued' });
    expect(wrongState.status).toBe(400);
    expect(firstIssue(wrongState)).toMatchObject({ loc: ['body', 'state'], type: 'sso_state_unknown' });
    const crossed = await finish(p, { code: one.code, state: two.state });
    expect(firstIssue(crossed)).toMatchObject({ loc: ['body', 'code'], type: 'sso_code_invalid' });
    expect(firstIssue(await finish(p, { code: '', state: one.state })).loc).toEqual(['body', 'code']);
    expect(firstIssue(await finish(p, { state: one.state })).loc).toEqual(['body', 'code']);
    // Both still work for their own sign-in.
    expect((await finish(p, one)).status).toBe(200);
    expect((await finish(p, two)).status).toBe(200);
  });

  it('a code is good for 5 minutes', async () => {
    const p = setup({ consoleUrl: CONSOLE });
    const fresh = await signInAtProvider(p, (await start(p)).state);
    const stale = await signInAtProvider(p, (await start(p)).state);
    // The platform's clock, half a minute short of 5 minutes on (the machine's own seconds move it too, more on a slow
    // machine), then past them.
    p.platform.clock.advance(5 * 60_000 - 30_000);
    expect((await finish(p, fresh)).status).toBe(200);
    p.platform.clock.advance(30_001);
    const late = await finish(p, stale);
    expect(late.status).toBe(400);
    expect(firstIssue(late)).toMatchObject({ loc: ['body', 'code'], type: 'sso_code_expired' });
  });

  it('the provider refuses a wrong password, an account of another domain, and a sign-in it finished or never began', async () => {
    const p = setup({ consoleUrl: CONSOLE });
    const { state } = await start(p);
    expect((await p.call('POST', IDP, { body: { state, email: 'developer@example.com', password: 'wrong' } })).status).toBe(401);
    const other = await p.call('POST', IDP, { body: { state, email: 'dev@elsewhere.org', password: 'password' } });
    expect(other.status).toBe(422);
    expect(firstIssue(other).loc).toEqual(['body', 'email']);
    await signInAtProvider(p, state);
    const twice = await p.call('POST', IDP, { body: { state, email: 'developer@example.com', password: 'password' } });
    expect(twice.status).toBe(400);
    expect(firstIssue(twice)).toMatchObject({ loc: ['body', 'state'], msg: expect.stringContaining('already been completed') });
    expect((await p.call('POST', IDP, { body: { state: 'nope', email: 'developer@example.com', password: 'password' } })).status).toBe(400);
    const page = await p.call('GET', `${IDP}?state=${encodeURIComponent(state)}`);
    expect(page.status).toBe(400);
    expect(page.body).toContain('This sign-in cannot continue');
    expect(page.body).not.toContain('<script');
  });

  it('the provider’s page escapes what the address carries', async () => {
    const p = setup({ consoleUrl: CONSOLE });
    const { state } = await start(p);
    const page = await p.call(
      'GET',
      `${IDP}?state=${encodeURIComponent(state)}&login_hint=${encodeURIComponent('"><script>alert(1)</script>')}`,
    );
    expect(page.status).toBe(200);
    expect(page.body).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(page.body.match(/<script/g)).toHaveLength(1);
  });

  it('the documented profile serves initiate (seed 001) and the stand-in provider; the callback, our extension, is a plain 404', async () => {
    const p = setup({ profile: 'documented', consoleUrl: CONSOLE });
    const back = await signInAtProvider(p, (await start(p)).state);
    expect(await finish(p, back)).toMatchObject({ status: 404, body: { detail: 'Not Found' } });
  });

  it('the OpenAPI document lists initiate, the callback (an extension) and the stand-in provider (the mock’s, not the platform’s)', async () => {
    const { call } = setup();
    const doc = (await call('GET', `${API}/openapi.json`)).body;
    expect(doc.paths['/auth/sso/initiate'].post.operationId).toBe('initiateSso');
    expect(doc.paths['/auth/sso/callback'].post['x-extension']).toBe(true);
    expect(doc.paths['/auth/invitations/accept'].post['x-extension']).toBe(true);
    expect(doc.paths['/users/{user_id}'].delete.description).toBe('Roles: admin.');
    expect(doc.paths['/mock-idp/authorize'].get.tags).toEqual(['mock-idp']);
    expect(doc.paths['/mock-idp/authorize'].get['x-extension']).toBeUndefined();
  });
});
