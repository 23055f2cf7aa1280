// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoId } from '../core/seed-ids';
import { API, DEMO_API_KEYS, gatewayPath as gw, mint, setup } from '../test-helpers';

const INVOICE = demoId(1001);
const EMBEDDING = demoId(1003);
const FRAUD = demoId(1004);

afterEach(() => vi.restoreAllMocks());

describe('gateway', () => {
  it('checks the body against the request schema: required, types, enums, nested (422 with loc)', async () => {
    const { call, login } = setup();
    const m = await mint(call, await login());
    const post = (body: unknown) => call('POST', gw(INVOICE, 'extract'), { token: m.token, body });
    expect((await post({})).body.detail).toEqual([{ loc: ['body', 'document_url'], msg: 'Field required', type: 'missing' }]);
    const wrong = await post({ document_url: 5, fields: ['total', 'nope'], language: null });
    expect(wrong.status).toBe(422);
    expect(wrong.headers.get('x-service-version')).toBe('1');
    expect(wrong.body.detail.map((d: { loc: unknown; type: string }) => [d.loc, d.type])).toEqual([
      [['body', 'document_url'], 'string_type'],
      [['body', 'fields', 1], 'enum'],
    ]);
    expect((await post([])).body.detail[0]).toMatchObject({ loc: ['body'], type: 'dict_type' });
    expect((await call('POST', gw(INVOICE, 'extract'), { token: m.token, raw: '{"document_url":' })).body.detail[0]).toMatchObject({
      loc: ['body'],
      type: 'json_invalid',
    });
    const fraud = await mint(call, await login(), FRAUD, {});
    const score = await call('POST', gw(FRAUD, 'score'), {
      token: fraud.token,
      body: { transaction: { id: 't', amount: { amount: -1, currency: 'XXX' }, merchant: {}, card: { bin: '123456' } } },
    });
    // A compiled validator checks every keyword of the subset: the negative amount (minimum 0) too.
    expect(score.body.detail).toEqual([
      { loc: ['body', 'transaction', 'amount', 'amount'], msg: 'Input should be greater than or equal to 0', type: 'greater_than_equal' },
      { loc: ['body', 'transaction', 'amount', 'currency'], msg: 'Input should be "USD", "EUR", "GBP", "JPY"', type: 'enum' },
      { loc: ['body', 'transaction', 'merchant', 'id'], msg: 'Field required', type: 'missing' },
    ]);
  });

  it('GET and DELETE: path parameters and the query are checked; literal segments beat parameters; 404 and 405', async () => {
    const { call, login } = setup();
    const m = await mint(call, await login());
    const one = await call('GET', gw(INVOICE, 'extractions/42?include_raw_text=true'), { token: m.token });
    expect(one.status, JSON.stringify(one.body)).toBe(200);
    expect(one.body).toEqual({ id: 'string', status: 'pending', raw_text: 'string' });
    expect((await call('GET', gw(INVOICE, 'extractions/42?include_raw_text=maybe'), { token: m.token })).body.detail).toEqual([
      { loc: ['query', 'include_raw_text'], msg: 'Input should be a valid boolean', type: 'bool_type' },
    ]);
    expect(await call('GET', gw(INVOICE, 'nope'), { token: m.token })).toMatchObject({
      status: 404,
      body: { detail: 'No endpoint GET /nope in version 1' },
    });
    const wrongMethod = await call('DELETE', gw(INVOICE, 'extract'), { token: m.token });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    const fraud = await mint(call, await login(), FRAUD, {});
    const batch = await call('POST', gw(FRAUD, 'score/batch'), { token: fraud.token, body: { transactions: [] } });
    expect(batch.status).toBe(200);
    expect(batch.body).toHaveProperty('results');
  });

  it('pins a version with v{N}; a missing or unpublished one is 404; unpinned calls follow the traffic split', async () => {
    const { call, login } = setup();
    const user = await login();
    const e = await mint(call, user, EMBEDDING, {});
    const body = { texts: ['hello'] };
    for (const n of [1, 2]) {
      const res = await call('POST', gw(EMBEDDING, `v${n}/embed`), { token: e.token, body });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-service-version')).toBe(String(n));
      expect(res.body).toEqual({ embeddings: [[0]], dimensions: 0, usage: {} });
    }
    expect(await call('POST', gw(EMBEDDING, 'v9/embed'), { token: e.token, body })).toMatchObject({
      status: 404,
      body: { detail: 'Version 9 not found' },
    });
    // v1 (draining, 80%) and v2 (active, 20%)
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    expect((await call('POST', gw(EMBEDDING, 'embed'), { token: e.token, body })).headers.get('x-service-version')).toBe('1');
    vi.spyOn(Math, 'random').mockReturnValue(0.9);
    expect((await call('POST', gw(EMBEDDING, 'embed'), { token: e.token, body })).headers.get('x-service-version')).toBe('2');
    vi.restoreAllMocks();
    const f = await mint(call, user, FRAUD, {});
    expect(await call('POST', gw(FRAUD, 'v2/feedback'), { token: f.token, body: {} })).toMatchObject({
      status: 404,
      body: { detail: 'Version 2 is not published' },
    });
    // the draft's new endpoint is not live; v1's is
    expect((await call('POST', gw(FRAUD, 'feedback'), { token: f.token, body: {} })).status).toBe(404);
    expect((await call('GET', gw(FRAUD, 'v1/models'), { token: f.token })).status).toBe(200);
    const draftOnly = await mint(call, user, demoId(1011), {});
    expect(await call('POST', gw(demoId(1011), 'anything'), { token: draftOnly.token, body: {} })).toMatchObject({
      status: 409,
      body: { detail: 'This service has no published version' },
    });
  });

  it("takes the caller's own token: admins and developers call any method, viewers GET only (password or API key)", async () => {
    const { call, login } = setup();
    const exchanged = async (role: keyof typeof DEMO_API_KEYS) =>
      (await call('POST', `${API}/auth/api-keys/exchange`, { body: { api_key: DEMO_API_KEYS[role], ttl_minutes: 5 } })).body
        .access_token as string;
    const body = { document_url: 'https://example.com/a.pdf' };
    for (const role of ['admin', 'developer'] as const) {
      for (const token of [await login(role), await exchanged(role)]) {
        const res = await call('POST', gw(INVOICE, 'extract'), { token, body });
        expect(res.status, `${role}: ${JSON.stringify(res.body)}`).toBe(200);
        expect(res.headers.get('x-service-version')).toBe('1');
        expect((await call('GET', gw(INVOICE, 'health'), { token })).body).toEqual({ status: 'ok' });
      }
    }
    for (const token of [await login('viewer'), await exchanged('viewer')]) {
      expect(await call('GET', gw(INVOICE, 'health'), { token })).toMatchObject({ status: 200, body: { status: 'ok' } });
      expect((await call('GET', gw(INVOICE, 'extractions/42'), { token })).status).toBe(200);
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        expect(await call(method, gw(INVOICE, 'extract'), { token, body })).toMatchObject({
          status: 403,
          body: { detail: `Your role (viewer) cannot call ${method} endpoints through the gateway; viewers may call GET endpoints only` },
        });
      }
      // What does not exist is a 404 before the role is considered, as everywhere else.
      expect((await call('POST', gw(demoId(9999), 'extract'), { token, body })).status).toBe(404);
    }
    const dev = await login('developer');
    // Another organization's service is not found; a signed-out token is refused.
    expect(await call('GET', `${API}/orgs/${demoId(2)}/services/${INVOICE}/health`, { token: dev })).toMatchObject({
      status: 404,
      body: { detail: 'Service not found' },
    });
    expect(await call('GET', gw('nonexistent-uuid', 'health'), { token: dev })).toMatchObject({
      status: 404,
      body: { detail: 'Service not found' },
    });
    const session = await call('POST', `${API}/auth/login`, { body: { email: 'developer@example.com', password: 'password' } });
    await call('POST', `${API}/auth/logout`, { token: session.body.access_token, body: {} });
    expect(await call('GET', gw(INVOICE, 'health'), { token: session.body.access_token })).toMatchObject({
      status: 401,
      body: { detail: 'Invalid token' },
    });
    // A service token still opens its own service, whatever the method.
    const m = await mint(call, dev);
    expect((await call('DELETE', gw(INVOICE, 'extract'), { token: m.token })).status).toBe(405);
    expect((await call('POST', gw(INVOICE, 'extract'), { token: m.token, body })).status).toBe(200);
  });

  it('names every call in X-Request-Id (exposed to the browser), echoing a plain one sent; MOCK_GATEWAY_LATENCY_MS delays the answer', async () => {
    // CORS only for the origins allowed (issue 11: never *): one is, to see what a browser page there may read.
    const { call, login, wall } = setup({ gatewayLatencyMs: 150, corsOrigins: ['http://localhost:5173'] });
    const token = await login('developer');
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    // On the test's wall (test-helpers.ts): the wait passes at once, and counts.
    const t0 = wall.now();
    const ok = await call('GET', gw(INVOICE, 'health'), { token });
    expect(wall.now() - t0).toBeGreaterThanOrEqual(140);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-request-id')).toMatch(uuid);
    const again = await call('GET', gw(INVOICE, 'health'), { token });
    expect(again.headers.get('x-request-id')).not.toBe(ok.headers.get('x-request-id'));
    for (const res of [
      await call('GET', gw(INVOICE, 'health')),
      await call('GET', gw(demoId(9999), 'health'), { token }),
      await call('GET', gw(INVOICE, 'nope'), { token }),
      await call('POST', gw(INVOICE, 'extract'), { token, body: {} }),
    ]) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.headers.get('x-request-id'), String(res.status)).toMatch(uuid);
    }
    expect(
      (await call('GET', gw(INVOICE, 'health'), { token, headers: { 'X-Request-Id': 'trace-42.a:b_c' } })).headers.get('x-request-id'),
    ).toBe('trace-42.a:b_c');
    expect(
      (await call('GET', gw(INVOICE, 'health'), { token, headers: { 'X-Request-Id': 'no spaces <here>' } })).headers.get('x-request-id'),
    ).toMatch(uuid);
    const cors = await call('GET', gw(INVOICE, 'health'), { token, headers: { Origin: 'http://localhost:5173' } });
    expect(cors.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
    // Only the sync gateway is slow: a job submit answers at once.
    const t1 = performance.now();
    expect((await call('POST', gw(INVOICE, 'async/extract'), { token, body: { document_url: 'https://example.com/a.pdf' } })).status).toBe(
      202,
    );
    expect(performance.now() - t1).toBeLessThan(140);
  });

  it('never a 500 for odd paths and bodies; documented as one path item', async () => {
    const { call, login } = setup();
    const m = await mint(call, await login());
    for (const path of ['extract/', 'v1', 'v1/', '%E0%A4%A', 'extractions/%2F..%2F', 'a/b/c/d/e', `v${'9'.repeat(20)}/extract`]) {
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        const res = await call(method, gw(INVOICE, path), {
          token: m.token,
          raw: method === 'GET' || method === 'DELETE' ? undefined : '{"a": [1, {"b": null}]}',
        });
        expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
      }
    }
    for (const raw of ['', 'null', '"x"', '[1]', '{"document_url": {"__proto__": {"x": 1}}}', `${'['.repeat(5000)}${']'.repeat(5000)}`]) {
      expect((await call('POST', gw(INVOICE, 'extract'), { token: m.token, raw })).status, raw.slice(0, 20)).toBeLessThan(500);
    }
    const doc = (await call('GET', `${API}/openapi.json`)).body;
    const item = doc.paths['/orgs/{org_id}/services/{service_id}/{path}'];
    expect(Object.keys(item).sort()).toEqual(['delete', 'get', 'patch', 'post', 'put']);
    expect(item.post.security).toEqual([{ bearerAuth: [] }, { serviceToken: [] }]);
    expect(item.post.parameters.find((p: { name: string }) => p.name === 'path').schema).toEqual({ type: 'string' });
    const inst = doc.paths['/orgs/{org_id}/workspaces/{workspace_id}/connectors/{connector_id}/instances'];
    expect(inst.post.parameters.find((p: { name: string }) => p.name === 'connector_id').schema.type).toBe('string');
    expect(inst.post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/InstanceCreate' });
    expect(Object.keys(doc.paths).some((p) => p.includes('{.+}'))).toBe(false);
  });
});
