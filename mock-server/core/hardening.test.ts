// @vitest-environment node
/**
 * Issue 11 "a mock you can trust": test routes only in test mode and never
 * cross-origin, JSON bodies only, signing secrets apart from the data,
 * salted connector secrets, a nesting limit, human names, escaped logs and
 * sign-in throttling.
 */
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saltDigest, sha256 } from './hashing';
import { escapeForLog } from './log';
import {
  API,
  DEMO_API_KEYS,
  DEMO_PASSWORD,
  DEMO_USERS,
  IDS,
  newService,
  ORG,
  RING_DEV,
  SERVICES,
  setup,
  tempDirPerTest,
  WS,
} from '../test-helpers';

const dir = tempDirPerTest('mock-hardening-');
afterEach(() => vi.useRealTimers());

const RESET = `${API}/__test__/reset`;
const bytesOf = (file: string) => ['', '-wal'].map((s) => (existsSync(file + s) ? readFileSync(file + s, 'latin1') : '')).join('');

describe('test routes', () => {
  it('do not exist unless the mock is started for tests (MOCK_TEST_ROUTES=1)', async () => {
    const { call, platform } = setup();
    expect(await call('POST', RESET, { body: { seed: 'empty' } })).toMatchObject({ status: 404, body: { detail: 'Not Found' } });
    expect((await call('GET', RESET)).status).toBe(404);
    expect(platform.routes.some((r) => r.path.includes('__test__'))).toBe(false);
    expect(JSON.stringify((await call('GET', `${API}/openapi.json`)).body)).not.toContain('__test__');
    expect(platform.store.services.size).toBeGreaterThan(0);
  });

  it('in test mode, refuse a web page of another origin, and a body that is not JSON', async () => {
    const { call, platform } = setup({ testRoutes: true });
    const before = platform.store.services.size;
    const foreign: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of foreign) {
      const res = await call('POST', RESET, { body: { seed: 'empty' }, headers });
      expect(res, JSON.stringify(headers)).toMatchObject({ status: 403, body: { detail: 'Test routes refuse cross-origin requests' } });
    }
    // the "simple request" a page may send without a preflight
    const simple = await call('POST', RESET, { raw: '{"seed":"empty"}', headers: { 'content-type': 'text/plain;charset=UTF-8' } });
    expect(simple).toMatchObject({
      status: 415,
      body: { detail: 'Unsupported Media Type: the body must be application/json, not text/plain' },
    });
    expect(platform.store.services.size).toBe(before);
    // the same origin, a tool (no Origin) or a navigation (Sec-Fetch-Site: none) may
    expect(
      (await call('POST', RESET, { body: { seed: 'empty' }, headers: { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' } }))
        .status,
    ).toBe(204);
    expect(platform.store.services.size).toBe(0);
    expect((await call('POST', RESET, { headers: { 'sec-fetch-site': 'none' } })).status).toBe(204);
    expect((await call('POST', RESET)).status).toBe(204);
  });
});

describe('JSON bodies only (415)', () => {
  it('a body without a Content-Type, or a text/plain one, is refused with the reason; +json types are JSON', async () => {
    const { call, login, platform } = setup();
    const token = await login();
    const plain = await call('POST', `${API}/auth/login`, {
      raw: JSON.stringify({ email: DEMO_USERS.admin, password: DEMO_PASSWORD }),
      headers: { 'content-type': 'text/plain' },
    });
    expect(plain).toMatchObject({
      status: 415,
      body: { detail: 'Unsupported Media Type: the body must be application/json, not text/plain' },
    });
    // bytes, so that no Content-Type is added
    const bare = await platform.app.request(SERVICES, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: new TextEncoder().encode(JSON.stringify(newService())),
    });
    expect(bare.status).toBe(415);
    expect(await bare.json()).toEqual({ detail: 'Unsupported Media Type: a request body needs Content-Type: application/json' });
    expect(platform.store.serviceBySlug(WS, 'document-processor')).toBeUndefined();
    const merge = await call('PUT', `${SERVICES}/${IDS.services.invoiceExtractor}`, {
      token,
      body: { description: 'merged' },
      headers: { 'content-type': 'application/merge-patch+json; charset=utf-8' },
    });
    expect(merge.status).toBe(200);
  });

  it('bodyless POSTs need no Content-Type: build, deploy, publish, logout', async () => {
    const { call, login } = setup();
    const token = await login('developer');
    const svc = await call('POST', SERVICES, {
      token,
      body: newService({ slug: 'bodyless', execution_mode: 'persistent', ring_id: null }),
    });
    const base = `${SERVICES}/${svc.body.id}`;
    await call('POST', `${base}/endpoints`, { token, body: { method: 'POST', path: '/run', summary: 'Run' } });
    for (const [path, status] of [
      [`${base}/publish`, 200],
      [`${base}/build`, 202],
    ] as const) {
      const res = await call('POST', path, { token });
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(status);
    }
    expect((await call('POST', `${API}/auth/logout`, { token })).status).toBe(204);
  });
});

describe('signing secrets', () => {
  it('live in their own file beside the database, owner only, created on the first start, never in the database', async () => {
    const file = join(dir(), 'state.sqlite');
    const first = setup({ dataFile: file });
    const secretsFile = join(dir(), 'state.secrets.json');
    expect(first.platform.state.secrets).toBe(secretsFile);
    expect(statSync(secretsFile).mode & 0o777).toBe(0o600);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const kept = JSON.parse(readFileSync(secretsFile, 'utf8')) as { session: string; service_token: string };
    expect(kept.session).toBe(first.platform.store.jwtSecret);
    expect(kept.service_token).toBe(first.platform.store.serviceTokenSecret);
    expect(kept.session).not.toBe(kept.service_token);
    const token = await first.login('developer');
    first.platform.close();
    for (const secret of [kept.session, kept.service_token]) expect(bytesOf(file)).not.toContain(secret);
    expect(JSON.stringify(first.platform.store.dump())).not.toContain(kept.session);
    // the next start reads them: sessions survive
    const second = setup({ dataFile: file });
    expect((await second.call('GET', SERVICES, { token })).status).toBe(200);
  });

  it('a damaged secrets file stops the start with its name, rather than signing with something else', () => {
    const file = join(dir(), 'state.sqlite');
    setup({ dataFile: file }).platform.close();
    const secretsFile = join(dir(), 'state.secrets.json');
    rmSync(secretsFile);
    writeFileSync(secretsFile, '{"session": "short"}');
    expect(() => setup({ dataFile: file })).toThrow(/state\.secrets\.json: not a secrets file/);
  });
});

describe('connector secrets', () => {
  it('are salted fingerprints; a secret sent again unchanged is recognised', async () => {
    const file = join(dir(), 'state.sqlite');
    const first = setup({ dataFile: file });
    const seeded = first.platform.store.connectorInstances.get(IDS.connectors.ordersDb)!;
    expect(seeded.secrets.password).toMatch(/^hmac-sha256:/);
    // two instances with the same secret do not look alike
    const token = await first.login('developer');
    const PG = `${API}/orgs/${ORG}/workspaces/${WS}/connectors/postgresql/instances`;
    const config = { host: 'h.example.com', database: 'd', user: 'u', password: 'same-secret' };
    const a = await first.call('POST', PG, { token, body: { name: 'twin-a', config } });
    const b = await first.call('POST', PG, { token, body: { name: 'twin-b', config } });
    const [sa, sb] = [a.body.id, b.body.id].map((id: string) => first.platform.store.connectorInstances.get(id)!.secrets.password);
    expect(sa).not.toBe(sb);
    // the same secret sent again is recognised: the instance's configuration has not changed
    await first.call('POST', `${PG}/${IDS.connectors.ordersDb}/test`, { token });
    const resent = await first.call('PUT', `${PG}/${IDS.connectors.ordersDb}`, {
      token,
      body: { config: { password: 'demo-orders-db-password' } },
    });
    expect(resent.body.last_test).not.toBeNull();
    expect(saltDigest('ab', 'salt-salt-salt-salt-1')).toMatch(/^hmac-sha256:salt-salt-salt-salt-1:[0-9a-f]{64}$/);
  });
});

describe('user passwords', () => {
  it('are salted fingerprints, never a bare digest', async () => {
    const file = join(dir(), 'state.sqlite');
    const first = setup({ dataFile: file });
    const dev = first.platform.store.users.get(IDS.users.developer)!;
    expect(dev.password_fingerprint).toMatch(/^hmac-sha256:[A-Za-z0-9_-]{22}:[0-9a-f]{64}$/);
    // two users with the same password do not look alike
    expect(first.platform.store.users.get(IDS.users.admin)!.password_fingerprint).not.toBe(dev.password_fingerprint);
    first.platform.close();
    expect(bytesOf(file)).not.toContain(sha256(DEMO_PASSWORD));
  });
});

describe('bad input', () => {
  it('claims nested 100,000 deep: a quick 422, never a 500; 60 deep is fine', async () => {
    const { call, login } = setup();
    const token = await login('developer');
    const mintPath = `${SERVICES}/${IDS.services.invoiceExtractor}/service-tokens/mint`;
    const deep = (n: number) => `{"claims": {"x": ${'['.repeat(n)}${']'.repeat(n)}}, "ttl_minutes": 5}`;
    const t0 = performance.now();
    const res = await call('POST', mintPath, { token, raw: deep(100_000), headers: { 'Idempotency-Key': 'deep-1' } });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(res).toMatchObject({
      status: 422,
      body: { detail: [{ loc: ['body'], msg: 'JSON is nested more than 64 levels deep', type: 'value_error' }] },
    });
    expect((await call('POST', SERVICES, { token, raw: `{"name": ${'{"a":'.repeat(70_000)}1${'}'.repeat(70_000)}}` })).status).toBe(422);
    // brackets inside strings do not count
    expect(
      (await call('POST', mintPath, { token, raw: `{"claims": {"note": "${'['.repeat(500)}", "x": ${'['.repeat(60)}${']'.repeat(60)}}}` }))
        .status,
    ).toBe(201);
  });

  const NUL = '\u0000';
  const ZWSP = '\u200b';
  const LONE = '\ud83d';
  it.each([
    ['a lone NUL', NUL, 'Name contains control characters (such as a line break or a tab)'],
    ['a line break', 'first\nsecond', 'Name contains control characters (such as a line break or a tab)'],
    ['only a zero-width space', ZWSP, 'Name has no visible characters'],
    ['only invisible characters', `${ZWSP}\u2060\ufeff \u3164`, 'Name has no visible characters'],
    ['a lone surrogate', `abc${LONE}`, 'Name contains a broken character (a lone surrogate)'],
  ])('a service name with %s → 422 at ["body","name"]', async (_label, name, msg) => {
    const { call, login } = setup();
    const token = await login('developer');
    const create = await call('POST', SERVICES, { token, body: newService({ name, slug: 'bad-name' }) });
    expect(create.status).toBe(422);
    expect(create.body.detail).toContainEqual({ loc: ['body', 'name'], msg, type: 'value_error' });
    const update = await call('PUT', `${SERVICES}/${IDS.services.invoiceExtractor}`, { token, body: { name } });
    expect(update.body.detail).toContainEqual({ loc: ['body', 'name'], msg, type: 'value_error' });
  });

  it('every name field applies the rule: instance, endpoint summary, descriptions, token reasons, credentials, rings', async () => {
    const { call, login } = setup();
    const admin = await login('admin');
    const WSP = `${API}/orgs/${ORG}/workspaces/${WS}`;
    const svc = `${SERVICES}/${IDS.services.invoiceExtractor}`;
    const refused: [string, string, unknown, (string | number)[]][] = [
      [
        'POST',
        `${WSP}/connectors/postgresql/instances`,
        { name: ZWSP, config: { host: 'h', database: 'd', user: 'u', password: 'p' } },
        ['body', 'name'],
      ],
      [
        'POST',
        `${WSP}/connectors/postgresql/instances`,
        { name: 'ok-name', description: `a${NUL}`, config: { host: 'h', database: 'd', user: 'u', password: 'p' } },
        ['body', 'description'],
      ],
      ['POST', `${WSP}/deployments/rings`, { name: 'qa', description: LONE }, ['body', 'description']],
      ['POST', `${WSP}/deployments/rings`, { name: `qa${ZWSP}` }, ['body', 'name']],
      ['POST', `${svc}/service-tokens/revoke-all`, { reason: `${ZWSP}${ZWSP}` }, ['body', 'reason']],
      ['POST', `${svc}/service-tokens/revoke`, { jti: 'abc', reason: `x${NUL}` }, ['body', 'reason']],
      [
        'PUT',
        `${svc}/service-credentials`,
        { cloud_provider: 'gcp', cloud_credentials_json: '{}', cloud_project_id: `p${NUL}` },
        ['body', 'cloud_project_id'],
      ],
      ['POST', `${SERVICES}`, { ...newService({ slug: 'desc-check' }), description: `x${LONE}` }, ['body', 'description']],
    ];
    for (const [method, path, body, loc] of refused) {
      const res = await call(method, path, { token: admin, body });
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}: ${JSON.stringify(res.body)}`).toBe(422);
      expect(res.body.detail.map((d: { loc: unknown }) => d.loc)).toContainEqual(loc);
    }
    // multi-line text keeps its line breaks and tabs; a name may hold a zero-width joiner between visible characters (emoji)
    const ok = await call('POST', SERVICES, {
      token: admin,
      body: newService({ slug: 'fine-text', name: 'Family 👨\u200d👩\u200d👧', description: 'line one\n\tline two' }),
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    // an endpoint summary is one line
    await call('POST', `${SERVICES}/${ok.body.id}/endpoints`, { token: admin, body: { method: 'POST', path: '/a', summary: 'Fine' } });
    const summary = await call('POST', `${SERVICES}/${ok.body.id}/endpoints`, {
      token: admin,
      body: { method: 'POST', path: '/b', summary: 'two\nlines' },
    });
    expect(summary.body.detail[0]).toMatchObject({
      loc: ['body', 'summary'],
      msg: 'Summary contains control characters (such as a line break or a tab)',
    });
    expect(RING_DEV).toBeTruthy();
  });

  it('log lines escape what they print: a %0a in a path cannot forge a line', async () => {
    const lines: string[] = [];
    const { call } = setup({ log: (l) => lines.push(l) });
    await call('GET', `${API}/nope%0a[mock] GET /api/v1/admin 200 0.1ms`);
    await call('GET', `${API}/nope\u2028x%1b[31m`);
    expect(lines).toHaveLength(2);
    for (const l of lines) for (const ch of ['\n', '\r', '\u2028', '\u001b']) expect(l).not.toContain(ch);
    expect(lines[0]).toMatch(/^GET \/api\/v1\/nope%0a\[mock\]%20GET%20\/api\/v1\/admin%20200%200\.1ms 404 /);
    expect(escapeForLog('a\nb\\c\u202ed\ud800')).toBe('a\\nb\\\\c\\u202ed\\ud800');
  });
});

describe('sign-in throttling', () => {
  const login = (call: ReturnType<typeof setup>['call'], email: string, password: string) =>
    call('POST', `${API}/auth/login`, { body: { email, password } });

  it('after N failures for an account in the window: 429 with Retry-After, even for the right password; a success resets', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { call } = setup({ signInThrottle: { maxFailures: 3, windowS: 60 } });
    for (let i = 0; i < 3; i++) expect((await login(call, DEMO_USERS.admin, 'wrong')).status).toBe(401);
    const locked = await login(call, 'ADMIN@example.com', DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body).toEqual({ detail: 'Too many failed sign-in attempts. Try again in 60 seconds.' });
    expect(locked.headers.get('retry-after')).toBe('60');
    // another account is not affected
    expect((await login(call, DEMO_USERS.viewer, DEMO_PASSWORD)).status).toBe(200);
    vi.setSystemTime(Date.now() + 45_000);
    expect((await login(call, DEMO_USERS.admin, DEMO_PASSWORD)).headers.get('retry-after')).toBe('15');
    vi.setSystemTime(Date.now() + 15_000);
    expect((await login(call, DEMO_USERS.admin, DEMO_PASSWORD)).status).toBe(200);
    // the success cleared the account: N more failures are allowed
    for (let i = 0; i < 3; i++) expect((await login(call, DEMO_USERS.admin, 'wrong')).status).toBe(401);
    expect((await login(call, DEMO_USERS.admin, 'wrong')).status).toBe(429);
  });

  it('an unknown email is throttled the same way (the answer says nothing about which accounts exist)', async () => {
    const { call } = setup({ signInThrottle: { maxFailures: 2, windowS: 300 } });
    for (let i = 0; i < 2; i++) expect((await login(call, 'nobody@example.com', 'x')).status).toBe(401);
    expect((await login(call, 'nobody@example.com', 'x')).status).toBe(429);
  });

  it('200 wrong passwords in a row: only the first N are answered', async () => {
    const { call } = setup();
    const statuses = new Map<number, number>();
    for (let i = 0; i < 200; i++) {
      const s = (await login(call, DEMO_USERS.developer, `guess-${i}`)).status;
      statuses.set(s, (statuses.get(s) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 401: 10, 429: 190 });
  });

  it('the API-key exchange is throttled per key and per client', async () => {
    const { call } = setup({ signInThrottle: { maxFailures: 2, windowS: 300 } });
    const exchange = (api_key: string) => call('POST', `${API}/auth/api-keys/exchange`, { body: { api_key } });
    expect((await exchange('fl_guess_1')).status).toBe(401);
    expect((await exchange('fl_guess_2')).status).toBe(401);
    // two failures from this client: even another key waits
    const locked = await exchange(DEMO_API_KEYS.viewer);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('0 turns it off', async () => {
    const { call } = setup({ signInThrottle: { maxFailures: 0, windowS: 300 } });
    for (let i = 0; i < 20; i++) expect((await login(call, DEMO_USERS.admin, 'wrong')).status).toBe(401);
    expect((await login(call, DEMO_USERS.admin, DEMO_PASSWORD)).status).toBe(200);
  });
});
