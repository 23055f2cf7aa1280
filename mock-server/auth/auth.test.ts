// @vitest-environment node
import { decode } from 'hono/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TokenResponse, Whoami } from '../../src/contract/auth';
import { ErrorBody } from '../../src/contract/common';
import { API, bodyOf, DEMO_API_KEYS, DEMO_PASSWORD, DEMO_USERS, IDS, ORG, SERVICES, setup, WS } from '../test-helpers';

afterEach(() => {
  vi.useRealTimers();
});

describe('login and whoami', () => {
  it.each(['admin', 'developer', 'viewer'] as const)('logs in %s and whoami returns the user', async (role) => {
    const { call } = setup();
    const res = await call('POST', `${API}/auth/login`, { body: { email: DEMO_USERS[role], password: DEMO_PASSWORD } });
    const t = bodyOf(res, 200, TokenResponse);
    expect(t.token_type).toBe('bearer');
    expect(t.expires_in).toBe(900);
    expect(t.refresh_token).toBeTruthy();
    const me = await call('GET', `${API}/auth/whoami`, { token: t.access_token });
    expect(me.status).toBe(200);
    expect(Whoami.parse(me.body)).toMatchObject({ email: DEMO_USERS[role], role, org_id: ORG, id: IDS.users[role] });
  });

  it('issues a real HS256 JWT with sub, role, org_id, jti, iat and exp', async () => {
    const { login } = setup({ tokenTtl: 60 });
    const token = await login('developer');
    const { header, payload } = decode(token);
    expect(header.alg).toBe('HS256');
    expect(payload).toMatchObject({ sub: IDS.users.developer, role: 'developer', org_id: ORG });
    expect(typeof payload.jti).toBe('string');
    expect((payload.exp as number) - (payload.iat as number)).toBe(60);
  });

  it('rejects a wrong password with 401 and a bad email with 422', async () => {
    const { call } = setup();
    const bad = await call('POST', `${API}/auth/login`, { body: { email: DEMO_USERS.admin, password: 'nope' } });
    expect(bad.status).toBe(401);
    expect(bad.body).toEqual({ detail: 'Incorrect email or password' });
    const invalid = await call('POST', `${API}/auth/login`, { body: { email: 'not-an-email', password: '' } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.detail.map((d: { loc: unknown }) => d.loc)).toEqual([
      ['body', 'email'],
      ['body', 'password'],
    ]);
  });
});

describe('refresh and logout', () => {
  it('rotates the refresh token: the old one stops working', async () => {
    const { call } = setup();
    const first = (await call('POST', `${API}/auth/login`, { body: { email: DEMO_USERS.admin, password: DEMO_PASSWORD } })).body;
    const second = await call('POST', `${API}/auth/refresh`, { body: { refresh_token: first.refresh_token } });
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect((await call('GET', `${API}/auth/whoami`, { token: second.body.access_token })).status).toBe(200);
    const reused = await call('POST', `${API}/auth/refresh`, { body: { refresh_token: first.refresh_token } });
    expect(reused.status).toBe(401);
    expect(reused.body).toEqual({ detail: 'Invalid refresh token' });
    const third = await call('POST', `${API}/auth/refresh`, { body: { refresh_token: second.body.refresh_token } });
    expect(third.status).toBe(200);
  });

  it('logout invalidates the access token and the refresh token', async () => {
    const { call } = setup();
    const t = (await call('POST', `${API}/auth/login`, { body: { email: DEMO_USERS.admin, password: DEMO_PASSWORD } })).body;
    const out = await call('POST', `${API}/auth/logout`, { token: t.access_token, body: { refresh_token: t.refresh_token } });
    expect(out.status).toBe(204);
    const me = await call('GET', `${API}/auth/whoami`, { token: t.access_token });
    expect(me.status).toBe(401);
    expect(me.body).toEqual({ detail: 'Invalid token' });
    expect((await call('POST', `${API}/auth/refresh`, { body: { refresh_token: t.refresh_token } })).status).toBe(401);
  });

  it('logout without a body ends the session (its refresh token too)', async () => {
    const { call } = setup();
    const t = (await call('POST', `${API}/auth/login`, { body: { email: DEMO_USERS.viewer, password: DEMO_PASSWORD } })).body;
    expect((await call('POST', `${API}/auth/logout`, { token: t.access_token })).status).toBe(204);
    expect((await call('POST', `${API}/auth/refresh`, { body: { refresh_token: t.refresh_token } })).status).toBe(401);
  });

  it('logout needs a token', async () => {
    const { call } = setup();
    expect((await call('POST', `${API}/auth/logout`)).status).toBe(401);
  });
});

describe('API key exchange', () => {
  it('exchanges a seeded key for an access token without a refresh token', async () => {
    const { call } = setup();
    const res = await call('POST', `${API}/auth/api-keys/exchange`, { body: { api_key: DEMO_API_KEYS.developer, ttl_minutes: 30 } });
    expect(res.status).toBe(200);
    expect(TokenResponse.parse(res.body)).toMatchObject({ refresh_token: null, expires_in: 1800, token_type: 'bearer' });
    const me = await call('GET', `${API}/auth/whoami`, { token: res.body.access_token });
    expect(me.body.role).toBe('developer');
  });

  it('defaults ttl_minutes to 60, refuses unknown keys (401) and bad ttl (422)', async () => {
    const { call } = setup();
    expect((await call('POST', `${API}/auth/api-keys/exchange`, { body: { api_key: DEMO_API_KEYS.viewer } })).body.expires_in).toBe(3600);
    const unknown = await call('POST', `${API}/auth/api-keys/exchange`, { body: { api_key: 'fl_nope', ttl_minutes: 5 } });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual({ detail: 'Invalid API key' });
    const ttl = await call('POST', `${API}/auth/api-keys/exchange`, { body: { api_key: DEMO_API_KEYS.viewer, ttl_minutes: 0 } });
    expect(ttl.status).toBe(422);
    expect(ttl.body.detail[0].loc).toEqual(['body', 'ttl_minutes']);
  });
});

describe('bearer enforcement', () => {
  it('missing token → 401 Not authenticated with WWW-Authenticate: Bearer', async () => {
    const { call } = setup();
    const res = await call('GET', SERVICES);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ detail: 'Not authenticated' });
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    const basic = await call('GET', SERVICES, { headers: { authorization: 'Basic YWRtaW46cGFzc3dvcmQ=' } });
    expect(basic.body).toEqual({ detail: 'Not authenticated' });
  });

  it('garbage or foreign tokens → 401 Invalid token', async () => {
    const { call, login } = setup();
    for (const token of ['garbage', 'a.b.c', 'eyJhbGciOiJIUzI1NiJ9.e30.xxxx']) {
      const res = await call('GET', SERVICES, { token });
      expect(res.status).toBe(401);
      expect(ErrorBody.parse(res.body)).toEqual({ detail: 'Invalid token' });
    }
    // A token signed by another mock instance (another secret) is invalid here.
    const other = setup();
    const foreign = await other.login('admin');
    expect((await call('GET', SERVICES, { token: foreign })).body).toEqual({ detail: 'Invalid token' });
    expect((await call('GET', SERVICES, { token: await login() })).status).toBe(200);
  });

  it('an expired token → 401 Token has expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { call, login } = setup({ tokenTtl: 60 });
    const token = await login();
    expect((await call('GET', SERVICES, { token })).status).toBe(200);
    vi.setSystemTime(Date.now() + 61_000);
    const res = await call('GET', SERVICES, { token });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ detail: 'Token has expired' });
  });

  it('another organization is not found', async () => {
    const { call, login } = setup();
    const token = await login();
    const other = '0f6f2d6e-0000-4000-8000-999999999999';
    const res = await call('GET', `${API}/orgs/${other}/workspaces/${WS}/hosted-services`, { token });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: 'Workspace not found' });
    expect((await call('GET', `${API}/organizations/${other}/workspaces`, { token })).status).toBe(404);
  });
});

describe('CORS', () => {
  it('sends no Access-Control-Allow-Origin by default: the console calls through its own origin', async () => {
    const { platform } = setup();
    const preflight = await platform.app.request(SERVICES, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,idempotency-key',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const err = await platform.app.request(SERVICES, { headers: { origin: 'https://evil.example' } });
    expect(err.status).toBe(401);
    expect(err.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers preflights for the origins MOCK_CORS_ORIGINS lists, with the headers the console sends; never *', async () => {
    const { platform } = setup({ corsOrigins: ['http://localhost:5173'] });
    const res = await platform.app.request(SERVICES, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,idempotency-key',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
    const err = await platform.app.request(SERVICES, { headers: { origin: 'http://localhost:5173' } });
    expect(err.status).toBe(401);
    expect(err.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const other = await platform.app.request(SERVICES, { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
