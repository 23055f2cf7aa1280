// @vitest-environment node
import { sign } from 'hono/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MintedTokenPage, Revocation, RevocationPage } from '../../src/contract/tokens';
import { ttlWords } from './rules';
import { demoId } from '../core/seed-ids';
import { API, bodyOf, extract, gatewayPath as gw, mint, ORG, SERVICES, serviceTokensPath as tokensOf, setup } from '../test-helpers';

const INVOICE = demoId(1001);
const EMBEDDING = demoId(1003);
const FRAUD = demoId(1004);
const SUMMARIZER = demoId(1010);
const payload = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

afterEach(() => vi.restoreAllMocks());

describe('service tokens', () => {
  it('says a lifetime in its largest whole unit', () => {
    expect([1, 90, 60, 120, 1440, 10_080].map(ttlWords)).toEqual(['1 minute', '90 minutes', '1 hour', '2 hours', '1 day', '7 days']);
  });

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
    expect(ok.body).toMatchObject({
      invoice_number: 'string',
      total: { amount: 0, currency: 'USD' },
      due_date: '2024-01-01',
      supplier: { name: 'string', vat_id: 'string' },
      confidence: 0,
    });
    expect(ok.body.line_items).toEqual([{ description: 'string', quantity: 1, unit_price: { amount: 0, currency: 'USD' } }]);

    const revoked = await call('POST', `${tokensOf(INVOICE)}/revoke`, {
      token: user,
      body: { jti: m.jti, expires_at: m.expires_at, reason: 'No longer needed' },
    });
    expect(revoked.status).toBe(201);
    expect(Revocation.parse(revoked.body)).toMatchObject({
      service_id: INVOICE,
      kind: 'token',
      jti: m.jti,
      reason: 'No longer needed',
      expires_at: m.expires_at,
      revoked_by: 'developer@example.com',
    });
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

  it('lists what was minted — jti, claims, times, who, status — and never the token', async () => {
    // Sessions outlive the two hours the clock moves below.
    const { call, login, platform } = setup({ tokenTtl: 86_400 });
    const user = await login('developer');
    const a = await mint(call, user, INVOICE, { claims: { tenant_id: 't-1' }, ttl_minutes: 30 });
    const b = await mint(call, user);
    await mint(call, user, FRAUD, {});
    const list = async (qs = '') => {
      const res = await call('GET', `${tokensOf(INVOICE)}${qs}`, { token: await login('viewer') });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain(a.token);
      return MintedTokenPage.parse(res.body);
    };
    let page = await list();
    expect(page.total).toBe(2);
    // newest first
    expect(page.items.map((t) => t.jti)).toEqual([b.jti, a.jti]);
    expect(page.items[1]).toEqual({
      jti: a.jti,
      service_id: INVOICE,
      claims: { tenant_id: 't-1' },
      issued_at: expect.any(String),
      expires_at: a.expires_at,
      issued_by: 'developer@example.com',
      status: 'active',
      revoked_at: null,
    });
    expect(Date.parse(a.expires_at) - Date.parse(page.items[1]!.issued_at)).toBeLessThanOrEqual(30 * 60_000);
    // the state keeps the metadata only
    expect(JSON.stringify(platform.store.dump())).not.toContain(a.token);

    // revoked: one by its jti, with the token's own expiry as the revocation's (none sent)
    const revoked = await call('POST', `${tokensOf(INVOICE)}/revoke`, { token: user, body: { jti: a.jti, reason: 'leaked' } });
    expect(Revocation.parse(revoked.body).expires_at).toBe(a.expires_at);
    page = await list();
    expect(page.items.find((t) => t.jti === a.jti)).toMatchObject({ status: 'revoked', revoked_at: revoked.body.revoked_at });
    expect(page.items.find((t) => t.jti === b.jti)).toMatchObject({ status: 'active', revoked_at: null });
    expect((await list('?status=revoked')).items.map((t) => t.jti)).toEqual([a.jti]);
    expect((await list('?status=active')).items.map((t) => t.jti)).toEqual([b.jti]);
    expect((await call('GET', `${tokensOf(INVOICE)}?status=lost`, { token: user })).body.detail[0].loc).toEqual(['query', 'status']);

    // expired: past its expiry, unless revoked first
    vi.useFakeTimers({ now: Date.now() + 121 * 60_000, toFake: ['Date'] });
    try {
      page = await list();
      expect(page.items.map((t) => [t.jti, t.status])).toEqual([
        [b.jti, 'expired'],
        [a.jti, 'revoked'],
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a revoke-all marks every token minted until then revoked; later ones stay active', async () => {
    const { call, login } = setup();
    const user = await login('developer');
    const before = await mint(call, user);
    const all = await call('POST', `${tokensOf(INVOICE)}/revoke-all`, { token: user, body: { reason: 'Rotating credentials' } });
    const after = await mint(call, user);
    const page = MintedTokenPage.parse((await call('GET', tokensOf(INVOICE), { token: user })).body);
    expect(page.items.map((t) => [t.jti, t.status, t.revoked_at])).toEqual([
      [after.jti, 'active', null],
      [before.jti, 'revoked', all.body.revoked_at],
    ]);
  });

  it('revoking an id this service never issued is a 404, and nothing is revoked', async () => {
    const { call, login } = setup();
    const user = await login('developer');
    const fraudToken = await mint(call, user, FRAUD, {});
    for (const jti of ['not-a-jti', fraudToken.jti, '']) {
      const res = await call('POST', `${tokensOf(INVOICE)}/revoke`, { token: user, body: { jti, reason: 'typo' } });
      if (jti === '') {
        expect(res.status).toBe(422);
        continue;
      }
      expect(res, jti).toMatchObject({ status: 404, body: { detail: `No token with ID ${jti} was issued by this service` } });
    }
    expect(
      RevocationPage.parse((await call('GET', `${tokensOf(INVOICE)}/revocations?include_expired=true`, { token: user })).body).total,
    ).toBe(0);
    // the other service's token still works
    expect((await call('POST', gw(FRAUD, 'score'), { token: fraudToken.token, body: {} })).status).not.toBe(401);
  });

  it('revoke with the caller’s expires_at (seed 004): honoured within the token’s life, never beyond it', async () => {
    // Sessions outlive the hour the clock moves below.
    const { call, login, platform } = setup({ tokenTtl: 86_400 });
    const user = await login('developer');
    const revoke = (body: Record<string, unknown>) => call('POST', `${tokensOf(INVOICE)}/revoke`, { token: user, body });
    const revocations = async (qs = '') =>
      RevocationPage.parse((await call('GET', `${tokensOf(INVOICE)}/revocations${qs}`, { token: user })).body).items;

    // Earlier than the token's own expiry: the revocation is in force, and listed, until the caller's time.
    const early = await mint(call, user);
    const soon = new Date(Date.parse(early.expires_at) - 90 * 60_000).toISOString();
    const kept = await revoke({ jti: early.jti, expires_at: soon, reason: 'leaked' });
    expect(kept.status, JSON.stringify(kept.body)).toBe(201);
    expect(Revocation.parse(kept.body).expires_at).toBe(soon);
    // Written with an offset, it is kept as the same moment.
    const offset = await mint(call, user);
    const inParis = new Date(Date.parse(offset.expires_at) - 60 * 60_000).toISOString().replace('Z', '+00:00');
    expect((await revoke({ jti: offset.jti, expires_at: inParis })).body.expires_at).toBe(new Date(Date.parse(inParis)).toISOString());
    // Later than the token's own expiry: never beyond it — the token cannot outlive its exp.
    const late = await mint(call, user);
    const beyond = new Date(Date.parse(late.expires_at) + 7 * 24 * 3600_000).toISOString();
    expect(Revocation.parse((await revoke({ jti: late.jti, expires_at: beyond })).body).expires_at).toBe(late.expires_at);
    // None given: the token's own expiry, as before.
    const none = await mint(call, user);
    expect(Revocation.parse((await revoke({ jti: none.jti })).body).expires_at).toBe(none.expires_at);

    // Past the caller's time, the revocation is listed as expired; the gateway still refuses the token (a revocation is never undone).
    vi.useFakeTimers({ now: Date.parse(soon) + 1000, toFake: ['Date'] });
    try {
      expect((await revocations()).map((r) => r.jti)).not.toContain(early.jti);
      expect((await revocations('?include_expired=true')).map((r) => r.jti)).toContain(early.jti);
      expect((await call('POST', gw(INVOICE, 'extract'), extract(early.token))).body).toEqual({ detail: 'Token has been revoked' });
    } finally {
      vi.useRealTimers();
    }

    // Before the token was issued: no such moment in its life — a 422 on expires_at, and nothing revoked.
    const fresh = await mint(call, user);
    const before = await revoke({ jti: fresh.jti, expires_at: '2020-01-01T00:00:00Z' });
    expect(before.status, JSON.stringify(before.body)).toBe(422);
    expect(before.body.detail).toEqual([
      { loc: ['body', 'expires_at'], msg: expect.stringMatching(/^expires_at is before the token was issued \(/), type: 'value_error' },
    ]);
    // Not a timestamp: the contract's own 422.
    expect((await revoke({ jti: fresh.jti, expires_at: 'tomorrow' })).body.detail[0].loc).toEqual(['body', 'expires_at']);
    expect((await call('POST', gw(INVOICE, 'extract'), extract(fresh.token))).status).toBe(200);

    // A jti this service never minted stays a 404 whatever expires_at says: nothing is stored for it.
    const count = platform.store.revocations.in('service', INVOICE).length;
    const unknown = await revoke({ jti: 'never-minted', expires_at: new Date(Date.now() + 3600_000).toISOString() });
    expect(unknown).toMatchObject({ status: 404, body: { detail: 'No token with ID never-minted was issued by this service' } });
    expect(platform.store.revocations.in('service', INVOICE)).toHaveLength(count);
  });

  it('revoke-all refuses every token issued before it; tokens minted after work', async () => {
    const { call, login } = setup();
    const user = await login('admin');
    const a = await mint(call, user);
    const b = await mint(call, user);
    const elsewhere = await mint(call, user, EMBEDDING, {});
    const all = await call('POST', `${tokensOf(INVOICE)}/revoke-all`, { token: user, body: { reason: 'Rotating credentials' } });
    const rec = bodyOf(all, 201, Revocation);
    expect(rec).toMatchObject({ kind: 'all', jti: null, reason: 'Rotating credentials', revoked_by: 'admin@example.com' });
    expect(Date.parse(rec.expires_at!) - Date.parse(rec.revoked_at)).toBe(7 * 24 * 3600 * 1000);
    for (const t of [a, b])
      expect((await call('POST', gw(INVOICE, 'extract'), extract(t.token))).body).toEqual({ detail: 'Token has been revoked' });
    const c = await mint(call, user);
    expect((await call('POST', gw(INVOICE, 'extract'), extract(c.token))).status).toBe(200);
    expect((await call('POST', gw(EMBEDDING, 'embed'), extract(elsewhere.token, { texts: ['a'] }))).status).toBe(200);
    expect((await call('POST', `${tokensOf(INVOICE)}/revoke-all`, { token: user, body: { reason: '  ' } })).status).toBe(422);
    expect((await call('POST', `${tokensOf(INVOICE)}/revoke-all`, { token: user, body: {} })).status).toBe(422);
  });

  it('an expired token, a bad signature, no token → 401; another service’s token → 403 (a user’s own token is accepted: gateway.test.ts)', async () => {
    const { call, login, platform } = setup();
    const user = await login('developer');
    const now = Math.floor(Date.now() / 1000);
    const claims = { typ: 'service', sub: INVOICE, org_id: ORG, jti: 'j-1', iat: now - 120, exp: now - 60 };
    const expired = await sign(claims, platform.store.serviceTokenSecret, 'HS256');
    expect(await call('POST', gw(INVOICE, 'extract'), extract(expired))).toMatchObject({
      status: 401,
      body: { detail: 'Token has expired' },
    });
    const forged = await sign({ ...claims, exp: now + 600 }, 'not-the-secret', 'HS256');
    expect((await call('POST', gw(INVOICE, 'extract'), extract(forged))).body).toEqual({ detail: 'Invalid token' });
    const untyped = await sign({ ...claims, typ: undefined, exp: now + 600 }, platform.store.serviceTokenSecret, 'HS256');
    expect((await call('POST', gw(INVOICE, 'extract'), extract(untyped))).status).toBe(401);
    // Issue 9: the gateway takes the caller's own access token too (gateway.test.ts has the role rule).
    expect((await call('POST', gw(INVOICE, 'extract'), extract(user))).status).toBe(200);
    expect((await call('POST', gw(INVOICE, 'extract'), { body: {} })).body).toEqual({ detail: 'Not authenticated' });
    const m = await mint(call, user, FRAUD, {});
    expect(await call('POST', gw(INVOICE, 'extract'), extract(m.token))).toMatchObject({
      status: 403,
      body: { detail: 'This token was minted for another service' },
    });
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
    for (const [path, body] of [
      ['mint', {}],
      ['revoke', { jti: 'x' }],
      ['revoke-all', { reason: 'r' }],
    ] as const) {
      expect((await call('POST', `${tokensOf(INVOICE)}/${path}`, { token: viewer, body })).status, path).toBe(403);
    }
    expect((await call('GET', `${tokensOf(INVOICE)}/revocations`, { token: viewer })).status).toBe(200);
    expect((await call('POST', `${tokensOf(demoId(9999))}/mint`, { token: viewer, body: {} })).status).toBe(404);
  });

  it('revocations: those past their expires_at are left out unless include_expired=true', async () => {
    const { call, login, platform } = setup();
    const user = await login('developer');
    const past = new Date(Date.now() - 60_000).toISOString();
    // Revocations last as long as the tokens they name: one that expired a minute ago (arranged in the store), two live ones.
    const store = platform.store;
    for (const [jti, serviceId, expires_at] of [
      ['old', INVOICE, past],
      ['live', INVOICE, new Date(Date.now() + 3_600_000).toISOString()],
      ['forever', INVOICE, new Date(Date.now() + 7 * 86_400_000).toISOString()],
      ['fraud', FRAUD, new Date(Date.now() + 3_600_000).toISOString()],
    ] as const) {
      store.serviceTokens.put({
        jti,
        service_id: serviceId,
        claims: {},
        issued_at: new Date(Date.now() - 120_000).toISOString(),
        expires_at,
        issued_by: 'developer@example.com',
      });
    }
    await call('POST', `${tokensOf(INVOICE)}/revoke`, { token: user, body: { jti: 'old', expires_at: past } });
    await call('POST', `${tokensOf(INVOICE)}/revoke`, { token: user, body: { jti: 'live' } });
    await call('POST', `${tokensOf(INVOICE)}/revoke`, { token: user, body: { jti: 'forever' } });
    await call('POST', `${tokensOf(FRAUD)}/revoke`, { token: user, body: { jti: 'fraud' } });
    const jtis = async (qs: string) =>
      RevocationPage.parse((await call('GET', `${tokensOf(INVOICE)}/revocations${qs}`, { token: user })).body)
        .items.map((r) => r.jti)
        .sort();
    expect(await jtis('')).toEqual(['forever', 'live']);
    expect(await jtis('?include_expired=false')).toEqual(['forever', 'live']);
    expect(await jtis('?include_expired=true')).toEqual(['forever', 'live', 'old']);
    expect((await call('GET', `${tokensOf(INVOICE)}/revocations?include_expired=maybe`, { token: user })).body.detail[0].loc).toEqual([
      'query',
      'include_expired',
    ]);
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
    expect(
      (await call('POST', `${tokensOf(INVOICE)}/mint`, { token: user, headers: { 'Idempotency-Key': 'mint-2' }, body: { ttl_minutes: 0 } }))
        .status,
    ).toBe(422);
    expect(
      (await call('POST', `${tokensOf(INVOICE)}/mint`, { token: user, headers: { 'Idempotency-Key': 'mint-2' }, body: { ttl_minutes: 5 } }))
        .status,
    ).toBe(201);
  });
});
