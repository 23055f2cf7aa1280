// @vitest-environment node
/** Malformed input is always a 4xx with a clear detail, never a 500. */
import { describe, expect, it } from 'vitest';
import { ErrorBody } from '../../src/contract/common';
import { API, ORG, SERVICES, WS, newService, setup } from '../test-helpers';

const SERVICE = `${SERVICES}/0f6f2d6e-0000-4000-8000-000000001001`;

function expectClient(res: { status: number; body: unknown }) {
  expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
  ErrorBody.parse(res.body);
}

describe('bodies', () => {
  it('invalid JSON → 422 json_invalid on [body]', async () => {
    const { call, login } = setup();
    const res = await call('POST', SERVICES, { token: await login(), raw: '{"slug": "x",' });
    expect(res.status).toBe(422);
    expect(res.body.detail).toEqual([expect.objectContaining({ loc: ['body'], type: 'json_invalid' })]);
    expect(res.body.detail[0].msg).toMatch(/JSON/);
  });

  it('empty body → 422 missing on [body]', async () => {
    const { call, login } = setup();
    const res = await call('POST', SERVICES, { token: await login(), raw: '' });
    expect(res.body).toEqual({ detail: [{ loc: ['body'], msg: 'Field required', type: 'missing' }] });
  });

  it.each([
    ['array', '[]'],
    ['string', '"hello"'],
    ['number', '42'],
    ['null', 'null'],
    ['true', 'true'],
  ])('a JSON %s instead of an object → 422 dict_type', async (_l, raw) => {
    const { call, login } = setup();
    const res = await call('POST', SERVICES, { token: await login(), raw });
    expect(res.status).toBe(422);
    expect(res.body.detail[0]).toMatchObject({ loc: ['body'], type: 'dict_type' });
  });

  it('a body sent as form data is a 415 naming the media type, not a 500', async () => {
    const { call, login } = setup();
    const res = await call('POST', SERVICES, {
      token: await login(),
      raw: 'slug=x&name=y',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    expect(res.body).toEqual({
      detail: 'Unsupported Media Type: the body must be application/json, not application/x-www-form-urlencoded',
    });
  });

  it('a body over 1 MiB → 413', async () => {
    const { call, login } = setup();
    const res = await call('POST', SERVICES, { token: await login(), body: newService({ description: 'x'.repeat(1_100_000) }) });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ detail: 'Request body too large' });
  });

  it('random garbage bodies on every write route are 4xx', async () => {
    const { call, login } = setup();
    const token = await login();
    const values: unknown[] = [null, 0, -1, 1e308, '', 'x', [], [1, 'a'], {}, { a: { b: { c: [] } } }, true, '\u0000', '💥'.repeat(10)];
    const fields = [
      'name',
      'slug',
      'execution_mode',
      'ring_id',
      'description',
      'environment_id',
      'connector_bindings',
      'min_replicas',
      'max_replicas',
      'concurrency_per_replica',
      'scale_threshold',
      'startup_timeout_seconds',
      'base_image',
      'system_packages',
      '__proto__',
      'constructor',
    ];
    let n = 0;
    for (const field of fields) {
      for (const value of values) {
        const body = JSON.stringify({ ...newService({ slug: `fuzz-${n++}` }), [field]: value }).replace('"__proto__"', '"__proto__"');
        const create = await call('POST', SERVICES, { token, raw: body });
        expect(create.status, `${field}=${JSON.stringify(value)}: ${JSON.stringify(create.body)}`).toBeLessThan(500);
        const update = await call('PUT', SERVICE, { token, raw: JSON.stringify({ [field]: value }) });
        expect(update.status, `${field}=${JSON.stringify(value)}: ${JSON.stringify(update.body)}`).toBeLessThan(500);
      }
    }
    for (const raw of ['{"__proto__": {"polluted": 1}}', '{"constructor": {"prototype": {"x": 1}}}']) {
      expectClient(await call('POST', SERVICES, { token, raw }));
      expectClient(await call('PUT', SERVICE, { token, raw }));
      expectClient(await call('POST', `${API}/auth/login`, { raw }));
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['/auth/login', '{"email": 1}'],
    ['/auth/login', '{"email": "a@b.c", "password": "x", "mfa": 1}'],
    ['/auth/refresh', '{}'],
    ['/auth/refresh', '{"refresh_token": 5}'],
    ['/auth/api-keys/exchange', '{"api_key": "", "ttl_minutes": "60"}'],
    ['/auth/api-keys/exchange', 'nope'],
    ['/__test__/reset', '{"seed": "galaxy"}'],
  ])('POST %s with %s → 422', async (path, raw) => {
    const { call } = setup({ testRoutes: true });
    const res = await call('POST', `${API}${path}`, { raw });
    expect(res.status).toBe(422);
    ErrorBody.parse(res.body);
  });
});

describe('paths, ids, tokens', () => {
  it('unknown routes → 404 Not Found, a wrong method → 405', async () => {
    const { call, login } = setup();
    const token = await login();
    expect((await call('GET', `${API}/nope`, { token })).body).toEqual({ detail: 'Not Found' });
    expect((await call('GET', '/', {})).status).toBe(404);
    expect((await call('GET', `${SERVICES}/`, { token })).status).toBe(404);
    const patch = await call('PATCH', SERVICES, { token, body: {} });
    expect(patch).toMatchObject({ status: 405, body: { detail: 'Method Not Allowed' } });
    expect(patch.headers.get('allow')).toBe('GET, POST');
  });

  it.each([
    `${API}/orgs/not-a-uuid/workspaces/${WS}/hosted-services`,
    `${API}/orgs/${ORG}/workspaces/%ZZ/hosted-services`,
    `${API}/orgs/${ORG}/workspaces/${WS}/hosted-services/%E0%A4%A`,
    `${API}/orgs/${ORG}/workspaces/${WS}/hosted-services/${'9'.repeat(5000)}`,
    `${API}/orgs/${ORG}/workspaces/${WS}/hosted-services/..%2F..%2F`,
    `${API}/organizations/' OR 1=1/workspaces`,
  ])('malformed ids → 404 (%s)', async (path) => {
    const { call, login } = setup();
    const token = await login();
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await call(method, path, method === 'PUT' ? { token, body: { name: 'x' } } : { token });
      if (res.status === 405) continue;
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(404);
      expect(res.body.detail).toMatch(/not found/i);
    }
  });

  it('odd query strings are 4xx or ignored, never 500', async () => {
    const { call, login } = setup();
    const token = await login();
    for (const qs of [
      'limit=1&limit=2',
      'search=%E0%A4%A',
      'search=%',
      'limit=',
      'limit=1e2',
      'limit=%20',
      'unknown=1',
      'offset=99999999999999999999',
      'sort[]=name',
      'search=a%00b',
    ]) {
      const res = await call('GET', `${SERVICES}?${qs}`, { token });
      expect(res.status, `${qs}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
    }
  });

  it.each([
    ['missing', undefined, 'Not authenticated'],
    ['empty bearer', 'Bearer ', 'Not authenticated'],
    ['garbage', 'Bearer garbage', 'Invalid token'],
    ['non-JSON payload', 'Bearer aGVsbG8.d29ybGQ.c2ln', 'Invalid token'],
    [
      'alg none',
      `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.`,
      'Invalid token',
    ],
    ['two tokens', 'Bearer a b', 'Not authenticated'],
  ])('%s token → 401', async (_l, authorization, detail) => {
    const { call } = setup();
    const res = await call('GET', SERVICES, { headers: authorization ? { authorization } : {} });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ detail });
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });
});
