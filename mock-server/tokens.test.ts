// @vitest-environment node
import { sign } from 'hono/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MintResponse, Revocation, RevocationPage } from '../src/contract/tokens';
import { demoId } from './seed';
import { API, ORG, SERVICES, setup } from './test-helpers';

const INVOICE = demoId(1001);
const EMBEDDING = demoId(1003);
const FRAUD = demoId(1004);
const SUMMARIZER = demoId(1010);
const tokensOf = (id: string) => `${SERVICES}/${id}/service-tokens`;
const gw = (id: string, path: string) => `${API}/orgs/${ORG}/services/${id}/${path}`;

type Call = ReturnType<typeof setup>['call'];
async function mint(call: Call, user: string, serviceId = INVOICE, body: unknown = { claims: { tenant_id: 't-123' }, ttl_minutes: 120 }) {
  const res = await call('POST', `${tokensOf(serviceId)}/mint`, { token: user, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return MintResponse.parse(res.body);
}
const payload = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
const extract = (token: string, body: unknown = { document_url: 'https://example.com/a.pdf' }) => ({ token, body });

afterEach(() => vi.restoreAllMocks());

describe('service tokens', () => {
  it('mints a signed JWT with the claims, sub = the service, org_id, jti, iat and exp; shown once', async () => {
    const { call, login, platform } = setup();
    const user = await login('developer');
    const before = Date.now();
    const m = await mint(call, user);
    const p = payload(m.token);
    expect(p).toMatchObject({ tenant_id: 't-123', sub: INVOICE, org_id: ORG, jti: m.jti, typ: 'service' });
    expect(p.exp).toBe(Date.parse(m.expires_at) / 1000);
    expect(Date.parse(m.expires_at) - before).toBeGreaterThan(119 * 60_000);
    expect(Date.parse(m.expires_at) - before).toBeLessThanOrEqual(120 * 60_000 + 1000);
    expect(JSON.parse(Buffer.from(m.token.split('.')[0]!, 'base64url').toString())).toMatchObject({ alg: 'HS256' });
    // defaults: no claims, 60 minutes; the token is never kept in the state
    const d = await mint(call, user, INVOICE, {});
    expect(Date.parse(d.expires_at) - Date.now()).toBeLessThanOrEqual(60 * 60_000);
    const dump = JSON.stringify(platform.store.dump());
    expect(dump).not.toContain(m.token);
    expect(dump).not.toContain(m.token.split('.')[2]);
    // it is not a user session either
    expect((await call('GET', SERVICES, { token: m.token })).status).toBe(401);
  });

  it('mint → gateway 200 with X-Service-Version → revoke → 401; the revocation is listed', async () => {
    const { call, login } = setup();
    const user = await login('developer');
    const m = await mint(call, user);
    const ok = await call('POST', gw(INVOICE, 'extract'), extract(m.token));
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.headers.get('x-service-version')).toBe('1');
    expect(ok.body).toMatchObject({ invoice_number: 'string', total: { amount: 0, currency: 'USD' }, due_date: '2024-01-01', supplier: { name: 'string', vat_id: 'string' }, confidence: 0 });
    expect(ok.body.line_items).toEqual([{ description: 'string', quantity: 1, unit_price: { amount: 0, currency: 'USD' } }]);

    const revoked = await call('POST', `${tokensOf(INVOICE)}/revoke`, { token: user, body: { jti: m.jti, expires_at: m.expires_at, reason: 'No longer needed' } });
    expect(revoked.status).toBe(201);
    expect(Revocation.parse(revoked.body)).toMatchObject({ service_id: INVOICE, kind: 'token', jti: m.jti, reason: 'No longer needed', expires_at: m.expires_at, revoked_by: 'developer@example.com' });
    const again = await call('POST', `${tokensOf(INVOICE)}/revoke`, { token: user, body: { jti: m.jti } });
    expect(again).toMatchObject({ status: 200, body: { id: revoked.body.id } });
    const refused = await call('POST', gw(INVOICE, 'extract'), extract(m.token));
    expect(refused).toMatchObject({ status: 401, body: { detail: 'Token has been revoked' } });
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
    const list = RevocationPage.parse((await call('GET', `${tokensOf(INVOICE)}/revocations`, { token: await login('viewer') })).body);
    expect(list).toMatchObject({ total: 1, items: [{ jti: m.jti }] });
    // other tokens of the service still work
    const other = await mint(call, user);
    expect((await call('POST', gw(INVOICE, 'extract'), extract(other.token))).status).toBe(200);
  });

  it('revoke-all refuses every token issued before it; tokens minted after work', async () => {
    const { call, login } = setup();
    const user = await login('admin');
    const a = await mint(call, user);
    const b = await mint(call, user);
    const elsewhere = await mint(call, user, EMBEDDING, {});
    const all = await call('POST', `${tokensOf(INVOICE)}/revoke-all`, { token: user, body: { reason: 'Rotating credentials' } });
    expect(all.status).toBe(201);
    const rec = Revocation.parse(all.body);
    expect(rec).toMatchObject({ kind: 'all', jti: null, reason: 'Rotating credentials', revoked_by: 'admin@example.com' });
    expect(Date.parse(rec.expires_at!) - Date.parse(rec.revoked_at)).toBe(7 * 24 * 3600 * 1000);
    for (const t of [a, b]) expect((await call('POST', gw(INVOICE, 'extract'), extract(t.token))).body).toEqual({ detail: 'Token has been revoked' });
    const c = await mint(call, user);
    expect((await call('POST', gw(INVOICE, 'extract'), extract(c.token))).status).toBe(200);
    expect((await call('POST', gw(EMBEDDING, 'embed'), extract(elsewhere.token, { texts: ['a'] }))).status).toBe(200);
    expect((await call('POST', `${tokensOf(INVOICE)}/revoke-all`, { token: user, body: { reason: '  ' } })).status).toBe(422);
    expect((await call('POST', `${tokensOf(INVOICE)}/revoke-all`, { token: user, body: {} })).status).toBe(422);
  });

  it('an expired token, a bad signature, a user token, no token → 401; another service’s token → 403', async () => {
    const { call, login, platform } = setup();
    const user = await login('developer');
    const now = Math.floor(Date.now() / 1000);
    const claims = { typ: 'service', sub: INVOICE, org_id: ORG, jti: 'j-1', iat: now - 120, exp: now - 60 };
    const expired = await sign(claims, platform.store.serviceTokenSecret, 'HS256');
    expect(await call('POST', gw(INVOICE, 'extract'), extract(expired))).toMatchObject({ status: 401, body: { detail: 'Token has expired' } });
    const forged = await sign({ ...claims, exp: now + 600 }, 'not-the-secret', 'HS256');
    expect((await call('POST', gw(INVOICE, 'extract'), extract(forged))).body).toEqual({ detail: 'Invalid token' });
    const untyped = await sign({ ...claims, typ: undefined, exp: now + 600 }, platform.store.serviceTokenSecret, 'HS256');
    expect((await call('POST', gw(INVOICE, 'extract'), extract(untyped))).status).toBe(401);
    expect((await call('POST', gw(INVOICE, 'extract'), extract(user))).body).toEqual({ detail: 'Invalid token' });
    expect((await call('POST', gw(INVOICE, 'extract'), { body: {} })).body).toEqual({ detail: 'Not authenticated' });
    const m = await mint(call, user, FRAUD, {});
    expect(await call('POST', gw(INVOICE, 'extract'), extract(m.token))).toMatchObject({ status: 403, body: { detail: 'This token was minted for another service' } });
    expect((await call('POST', `${API}/orgs/${demoId(2)}/services/${FRAUD}/score`, extract(m.token))).status).toBe(403);
    // a token for a service deleted since
    const s = await mint(call, user, SUMMARIZER, {});
    await call('DELETE', `${SERVICES}/${SUMMARIZER}`, { token: user });
    expect((await call('POST', gw(SUMMARIZER, 'summarize'), extract(s.token))).body).toEqual({ detail: 'Service not found' });
  });

  it('a fake clock: a 1-minute token works, then expires', async () => {
    const { call, login } = setup();
    const user = await login('developer');
    const m = await mint(call, user, INVOICE, { ttl_minutes: 1 });
    expect((await call('GET', gw(INVOICE, 'health'), { token: m.token })).status).toBe(200);
    const later = Date.now() + 61_000;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    expect((await call('GET', gw(INVOICE, 'health'), { token: m.token })).body).toEqual({ detail: 'Token has expired' });
  });

  it.each([
    [{ ttl_minutes: 0 }, ['body', 'ttl_minutes']],
    [{ ttl_minutes: 10_081 }, ['body', 'ttl_minutes']],
    [{ ttl_minutes: 1.5 }, ['body', 'ttl_minutes']],
    [{ ttl_minutes: '60' }, ['body', 'ttl_minutes']],
    [{ claims: [] }, ['body', 'claims']],
    [{ claims: 'tenant' }, ['body', 'claims']],
    [{ claims: null }, ['body', 'claims']],
    [{ claims: { sub: 'someone-else' } }, ['body', 'claims', 'sub']],
    [{ claims: { exp: 1 } }, ['body', 'claims', 'exp']],
    [{ extra: 1 }, ['body', 'extra']],
  ])('mint %j → 422 at %j', async (body, loc) => {
    const { call, login } = setup();
    const res = await call('POST', `${tokensOf(INVOICE)}/mint`, { token: await login(), body });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.detail.map((d: { loc: unknown }) => d.loc)).toContainEqual(loc);
  });

  it('roles: a viewer may list revocations but not mint or revoke', async () => {
    const { call, login } = setup();
    const viewer = await login('viewer');
    for (const [path, body] of [['mint', {}], ['revoke', { jti: 'x' }], ['revoke-all', { reason: 'r' }]] as const) {
      expect((await call('POST', `${tokensOf(INVOICE)}/${path}`, { token: viewer, body })).status, path).toBe(403);
    }
    expect((await call('GET', `${tokensOf(INVOICE)}/revocations`, { token: viewer })).status).toBe(200);
    expect((await call('POST', `${tokensOf(demoId(9999))}/mint`, { token: viewer, body: {} })).status).toBe(404);
  });

  it('revocations: those past their expires_at are left out unless include_expired=true', async () => {
    const { call, login } = setup();
    const user = await login('developer');
    const past = new Date(Date.now() - 60_000).toISOString();
    const future = new Date(Date.now() + 3_600_000).toISOString();
    await call('POST', `${tokensOf(INVOICE)}/revoke`, { token: user, body: { jti: 'old', expires_at: past } });
    await call('POST', `${tokensOf(INVOICE)}/revoke`, { token: user, body: { jti: 'live', expires_at: future } });
    await call('POST', `${tokensOf(INVOICE)}/revoke`, { token: user, body: { jti: 'forever' } });
    await call('POST', `${tokensOf(FRAUD)}/revoke`, { token: user, body: { jti: 'fraud' } });
    const jtis = async (qs: string) => RevocationPage.parse((await call('GET', `${tokensOf(INVOICE)}/revocations${qs}`, { token: user })).body).items.map((r) => r.jti).sort();
    expect(await jtis('')).toEqual(['forever', 'live']);
    expect(await jtis('?include_expired=false')).toEqual(['forever', 'live']);
    expect(await jtis('?include_expired=true')).toEqual(['forever', 'live', 'old']);
    expect((await call('GET', `${tokensOf(INVOICE)}/revocations?include_expired=maybe`, { token: user })).body.detail[0].loc).toEqual(['query', 'include_expired']);
    expect((await call('GET', `${tokensOf(INVOICE)}/revocations?limit=1`, { token: user })).body).toMatchObject({ total: 2, limit: 1 });
    for (const body of [{}, { jti: '' }, { jti: 'x', expires_at: 'tomorrow' }, { jti: 5 }]) {
      expect((await call('POST', `${tokensOf(INVOICE)}/revoke`, { token: user, body })).status, JSON.stringify(body)).toBe(422);
    }
  });

  it('Idempotency-Key on mint is never replayed: the same key is a 409 naming the jti; another body is a 422', async () => {
    const { call, login } = setup();
    const user = await login('developer');
    const headers = { 'Idempotency-Key': 'mint-1' };
    const first = await call('POST', `${tokensOf(INVOICE)}/mint`, { token: user, headers, body: { ttl_minutes: 5 } });
    expect(first.status).toBe(201);
    const again = await call('POST', `${tokensOf(INVOICE)}/mint`, { token: user, headers, body: { ttl_minutes: 5 } });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain(first.body.jti);
    expect(JSON.stringify(again.body)).not.toContain(first.body.token);
    expect((await call('POST', `${tokensOf(INVOICE)}/mint`, { token: user, headers, body: { ttl_minutes: 6 } })).status).toBe(422);
    // a rejected mint does not burn the key
    expect((await call('POST', `${tokensOf(INVOICE)}/mint`, { token: user, headers: { 'Idempotency-Key': 'mint-2' }, body: { ttl_minutes: 0 } })).status).toBe(422);
    expect((await call('POST', `${tokensOf(INVOICE)}/mint`, { token: user, headers: { 'Idempotency-Key': 'mint-2' }, body: { ttl_minutes: 5 } })).status).toBe(201);
  });
});

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
    expect((await call('POST', gw(INVOICE, 'extract'), { token: m.token, raw: '{"document_url":' })).body.detail[0]).toMatchObject({ loc: ['body'], type: 'json_invalid' });
    const fraud = await mint(call, await login(), FRAUD, {});
    const score = await call('POST', gw(FRAUD, 'score'), { token: fraud.token, body: { transaction: { id: 't', amount: { amount: -1, currency: 'XXX' }, merchant: {}, card: { bin: '123456' } } } });
    expect(score.body.detail.map((d: { loc: unknown }) => d.loc)).toEqual([
      ['body', 'transaction', 'amount', 'currency'],
      ['body', 'transaction', 'merchant', 'id'],
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
    expect(await call('GET', gw(INVOICE, 'nope'), { token: m.token })).toMatchObject({ status: 404, body: { detail: 'No endpoint GET /nope in version 1' } });
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
    expect(await call('POST', gw(EMBEDDING, 'v9/embed'), { token: e.token, body })).toMatchObject({ status: 404, body: { detail: 'Version 9 not found' } });
    // v1 (draining, 80%) and v2 (active, 20%)
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    expect((await call('POST', gw(EMBEDDING, 'embed'), { token: e.token, body })).headers.get('x-service-version')).toBe('1');
    vi.spyOn(Math, 'random').mockReturnValue(0.9);
    expect((await call('POST', gw(EMBEDDING, 'embed'), { token: e.token, body })).headers.get('x-service-version')).toBe('2');
    vi.restoreAllMocks();
    const f = await mint(call, user, FRAUD, {});
    expect(await call('POST', gw(FRAUD, 'v2/feedback'), { token: f.token, body: {} })).toMatchObject({ status: 404, body: { detail: 'Version 2 is not published' } });
    // the draft's new endpoint is not live; v1's is
    expect((await call('POST', gw(FRAUD, 'feedback'), { token: f.token, body: {} })).status).toBe(404);
    expect((await call('GET', gw(FRAUD, 'v1/models'), { token: f.token })).status).toBe(200);
    const draftOnly = await mint(call, user, demoId(1011), {});
    expect(await call('POST', gw(demoId(1011), 'anything'), { token: draftOnly.token, body: {} })).toMatchObject({ status: 409, body: { detail: 'This service has no published version' } });
  });

  it('never a 500 for odd paths and bodies; documented as one path item', async () => {
    const { call, login } = setup();
    const m = await mint(call, await login());
    for (const path of ['extract/', 'v1', 'v1/', '%E0%A4%A', 'extractions/%2F..%2F', 'a/b/c/d/e', `v${'9'.repeat(20)}/extract`]) {
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        const res = await call(method, gw(INVOICE, path), { token: m.token, raw: method === 'GET' || method === 'DELETE' ? undefined : '{"a": [1, {"b": null}]}' });
        expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
      }
    }
    for (const raw of ['', 'null', '"x"', '[1]', '{"document_url": {"__proto__": {"x": 1}}}', `${'['.repeat(5000)}${']'.repeat(5000)}`]) {
      expect((await call('POST', gw(INVOICE, 'extract'), { token: m.token, raw })).status, raw.slice(0, 20)).toBeLessThan(500);
    }
    const doc = (await call('GET', `${API}/openapi.json`)).body;
    const item = doc.paths['/orgs/{org_id}/services/{service_id}/{path}'];
    expect(Object.keys(item).sort()).toEqual(['delete', 'get', 'patch', 'post', 'put']);
    expect(item.post.security).toEqual([{ serviceToken: [] }]);
    expect(item.post.parameters.find((p: { name: string }) => p.name === 'path').schema).toEqual({ type: 'string' });
    const inst = doc.paths['/orgs/{org_id}/workspaces/{workspace_id}/connectors/{connector_id}/instances'];
    expect(inst.post.parameters.find((p: { name: string }) => p.name === 'connector_id').schema.type).toBe('string');
    expect(inst.post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/InstanceCreate' });
    expect(Object.keys(doc.paths).some((p) => p.includes('{.+}'))).toBe(false);
  });
});

describe('state files', () => {
  it('an older state file (no connectors, revocations or service-token secret) still loads; the secret then persists', async () => {
    const { mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { buildSeed } = await import('./seed');
    const dir = mkdtempSync(join(tmpdir(), 'mock-old-state-'));
    try {
      const file = join(dir, 'state.json');
      const { connector_instances: _c, service_token_revocations: _r, service_token_secret: _s, ...old } = buildSeed({ seed: 'demo' });
      writeFileSync(file, JSON.stringify(old));
      const first = setup({ dataFile: file });
      const user = await first.login('developer');
      const pgs = await first.call('GET', `${API}/orgs/${ORG}/workspaces/${demoId(11)}/connectors/postgresql/instances`, { token: user });
      expect(pgs.body.total).toBe(0);
      const m = await mint(first.call, user);
      await first.call('POST', `${tokensOf(INVOICE)}/revoke`, { token: user, body: { jti: 'gone' } });
      await first.platform.flush();
      const saved = JSON.parse(readFileSync(file, 'utf8'));
      expect(saved.service_token_secret).toEqual(expect.any(String));
      expect(saved.service_token_revocations).toHaveLength(1);
      const second = setup({ dataFile: file });
      expect((await second.call('POST', gw(INVOICE, 'extract'), extract(m.token))).status).toBe(200);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
