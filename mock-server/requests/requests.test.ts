// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequestPage, RequestRecord } from '../../src/contract/requests';
import { signAccessToken } from '../core/auth';
import { demoId } from '../core/seed-ids';
import { createMockPlatform } from '../platform';
import { API, bodyOf, DEMO_API_KEYS, gatewayPath as gw, mint, ORG, SERVICES, setup, tempDirPerTest, WS } from '../test-helpers';
import { backfill, demoCall } from './synthetic';

const INVOICE = demoId(1001);
const EMBEDDING = demoId(1003);
const SENTIMENT = demoId(1005);
const requestsOf = (serviceId: string, query = '') => `${SERVICES}/${serviceId}/requests${query}`;
type Call = ReturnType<typeof setup>['call'];

async function page(call: Call, token: string, serviceId: string, query = '') {
  return bodyOf(await call('GET', requestsOf(serviceId, query), { token }), 200, RequestPage);
}

/** Every record of a service, newest first, page by page. */
async function all(call: Call, token: string, serviceId: string, query = '', limit = 200) {
  const items: RequestRecord[] = [];
  let before: string | null = null;
  do {
    const sep = query ? '&' : '?';
    const p = await page(call, token, serviceId, `${query}${sep}limit=${limit}${before ? `&before=${before}` : ''}`);
    items.push(...p.items);
    before = p.next_before;
  } while (before);
  return items;
}

/** A user of another organization, with a token. */
async function outsider(platform: ReturnType<typeof setup>['platform']) {
  const someone = [...platform.store.users.values()][0]!;
  const user = { ...someone, id: demoId(8801), email: 'someone@elsewhere.example', org_id: demoId(8802), role: 'admin' as const };
  platform.store.users.put(user);
  return signAccessToken(platform.store, user, 600, 'elsewhere');
}

/** Server-sent events as a client reads them: `read()` the next event (or comment), `close()` to go. */
function sse(res: Response) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  return {
    async read(): Promise<{ comment?: string; id?: string; event?: string; data?: string }> {
      for (;;) {
        const end = text.indexOf('\n\n');
        if (end >= 0) {
          const block = text.slice(0, end);
          text = text.slice(end + 2);
          const out: Record<string, string> = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) out.comment = line.slice(1).trim();
            else {
              const at = line.indexOf(': ');
              out[line.slice(0, at)] = line.slice(at + 2);
            }
          }
          return out;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        text += decoder.decode(value, { stream: true });
      }
    },
    close: () => reader.cancel(),
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('request records', () => {
  const dir = tempDirPerTest('mock-requests-');

  it('records every call the gateway answers once — sync, pinned, async, refused — with its version, status and path template, and never a secret', async () => {
    const { platform, call, login } = setup({ dataFile: join(dir(), 'state.sqlite') });
    const dev = await login('developer');
    const viewer = await login('viewer');
    const service = await mint(call, dev);
    const exchanged = await call('POST', `${API}/auth/api-keys/exchange`, { body: { api_key: DEMO_API_KEYS.developer } });
    const keyToken = exchanged.body.access_token as string;
    const secretBody = { document_url: 'https://example.com/very-secret-document.pdf' };
    const sent: { status: number; id: string; version: number | null; path: string; caller: string; async?: boolean }[] = [];
    const send = async (
      method: string,
      path: string,
      init: Parameters<Call>[2],
      expected: { status: number; version: number | null; path: string; caller: string; async?: boolean },
    ) => {
      const res = await call(method, gw(INVOICE, path), init);
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(expected.status);
      sent.push({ ...expected, id: res.headers.get('x-request-id')! });
      return res;
    };
    await send(
      'POST',
      'extract?token=query-secret',
      { token: dev, body: secretBody },
      { status: 200, version: 1, path: '/extract', caller: 'user' },
    );
    await send(
      'GET',
      'extractions/42?include_raw_text=true',
      { token: service.token },
      { status: 200, version: 1, path: '/extractions/{extraction_id}', caller: 'service_token' },
    );
    await send('GET', 'v1/health', { token: keyToken }, { status: 200, version: 1, path: '/health', caller: 'api_key' });
    await send('POST', 'extract', { token: dev, body: {} }, { status: 422, version: 1, path: '/extract', caller: 'user' });
    await send('GET', 'nope/deeper', { token: dev }, { status: 404, version: 1, path: '/nope/deeper', caller: 'user' });
    await send('GET', 'v9/health', { token: dev }, { status: 404, version: null, path: '/health', caller: 'user' });
    await send('DELETE', 'extract', { token: dev }, { status: 405, version: 1, path: '/extract', caller: 'user' });
    await send('GET', 'health', {}, { status: 401, version: null, path: '/health', caller: 'anonymous' });
    await send('GET', 'health', { token: 'not-a-token' }, { status: 401, version: null, path: '/health', caller: 'anonymous' });
    await send('POST', 'extract', { token: viewer, body: secretBody }, { status: 403, version: null, path: '/extract', caller: 'user' });
    await send(
      'POST',
      'extract',
      { token: dev, raw: 'x=1', headers: { 'content-type': 'text/plain' } },
      { status: 415, version: null, path: '/extract', caller: 'user' },
    );
    await send(
      'POST',
      'extract',
      { token: dev, raw: JSON.stringify({ document_url: 'x'.repeat(70_000) }) },
      { status: 413, version: null, path: '/extract', caller: 'user' },
    );
    const submitted = await send(
      'POST',
      'async/extract',
      { token: dev, body: secretBody },
      { status: 202, version: 1, path: '/extract', caller: 'user', async: true },
    );
    await send(
      'GET',
      'health',
      { token: dev, headers: { 'X-Mock-Status': '503' } },
      { status: 503, version: 1, path: '/health', caller: 'user' },
    );
    // Polling a job is not a call to the service: not recorded (but still named).
    const poll = await call('GET', `${SERVICES}/${INVOICE}/jobs/${submitted.body.id}`, { token: dev });
    expect(poll.status).toBe(200);
    expect(poll.headers.get('x-request-id')).toBeTruthy();
    // Calls to a service that does not exist are in no one's log.
    expect((await call('GET', gw(demoId(9999), 'health'), { token: dev })).status).toBe(404);

    const items = await all(call, dev, INVOICE);
    expect(items.map((r) => r.id)).toEqual(sent.map((s) => s.id).reverse());
    for (const [i, s] of [...sent].reverse().entries()) {
      expect(items[i], JSON.stringify(s)).toMatchObject({
        id: s.id,
        service_id: INVOICE,
        version: s.version,
        path: s.path,
        status: s.status,
        caller: s.caller,
        async: s.async ?? false,
        job_id: s.async ? submitted.body.id : null,
      });
      expect(items[i]!.duration_ms).toBeGreaterThanOrEqual(0);
      expect(RequestRecord.safeParse(items[i]).success).toBe(true);
    }
    expect(new Set(items.map((r) => r.method))).toEqual(new Set(['GET', 'POST', 'DELETE']));
    // Another service's log has none of them.
    expect((await page(call, dev, SENTIMENT)).items).toEqual([]);

    // Never a body, a header's value, a query string or a token: not in what is read, nor on disk.
    platform.close();
    const written =
      readFileSync(join(dir(), 'state.sqlite')).toString('latin1') +
      readFileSync(join(dir(), 'state.sqlite-wal'), { flag: 'a+' }).toString('latin1');
    for (const secret of [
      'very-secret-document',
      'query-secret',
      'include_raw_text=true',
      service.token,
      keyToken,
      dev.slice(-40),
      'text/plain',
    ]) {
      expect(JSON.stringify(items)).not.toContain(secret);
      expect(written.includes(secret), secret).toBe(false);
    }
  });

  it('names each call with the caller’s own X-Request-Id unless that id already names a call of the service', async () => {
    const { call, login } = setup();
    const dev = await login('developer');
    const first = await call('GET', gw(INVOICE, 'health'), { token: dev, headers: { 'X-Request-Id': 'trace-1' } });
    expect(first.headers.get('x-request-id')).toBe('trace-1');
    const again = await call('GET', gw(INVOICE, 'health'), { token: dev, headers: { 'X-Request-Id': 'trace-1' } });
    expect(again.headers.get('x-request-id')).not.toBe('trace-1');
    // Another service's log does not know it.
    expect(
      (await call('GET', gw(SENTIMENT, 'health'), { token: dev, headers: { 'X-Request-Id': 'trace-1' } })).headers.get('x-request-id'),
    ).toBe('trace-1');
    // Found right after the call, before the log has written it.
    const one = await call('GET', `${requestsOf(INVOICE)}/trace-1`, { token: dev });
    expect(one).toMatchObject({ status: 200, body: { id: 'trace-1', path: '/health', status: 200 } });
    expect((await call('GET', `${requestsOf(INVOICE)}/${again.headers.get('x-request-id')}`, { token: dev })).status).toBe(200);
    expect(await call('GET', `${requestsOf(INVOICE)}/unknown`, { token: dev })).toMatchObject({
      status: 404,
      body: { detail: 'Request not found' },
    });
  });

  it('filters by version, status, method, path, search and time, and pages with before', async () => {
    const { platform, call, login } = setup();
    const dev = await login('developer');
    const t0 = platform.clock.iso();
    // Embedding serves versions 1 and 2: pin some calls to each.
    for (let i = 0; i < 6; i++)
      expect((await call('POST', gw(EMBEDDING, `v${1 + (i % 2)}/embed`), { token: dev, body: { texts: ['a'] } })).status).toBe(200);
    platform.clock.advance(60_000);
    const t1 = platform.clock.iso();
    expect((await call('POST', gw(EMBEDDING, 'v2/embed'), { token: dev, body: {} })).status).toBe(422);
    expect(
      (await call('POST', gw(EMBEDDING, 'v2/embed'), { token: dev, body: { texts: ['a'] }, headers: { 'X-Mock-Status': '502' } })).status,
    ).toBe(502);
    expect((await call('GET', gw(EMBEDDING, 'v1/missing'), { token: dev })).status).toBe(404);
    const everything = await all(call, dev, EMBEDDING);
    expect(everything).toHaveLength(9);
    const count = async (query: string) => (await all(call, dev, EMBEDDING, query)).length;
    expect(await count('?version=2')).toBe(5);
    expect(await count('?version=1')).toBe(4);
    expect(await count('?status=2xx')).toBe(6);
    expect(await count('?status=4xx')).toBe(2);
    expect(await count('?status=5xx')).toBe(1);
    expect(await count('?status=422')).toBe(1);
    expect(await count('?method=get')).toBe(1);
    expect(await count('?path=/embed')).toBe(8);
    expect(await count('?search=MISS')).toBe(1);
    expect(await count(`?search=${everything[3]!.id.slice(4, 16)}`)).toBe(1);
    expect(await count(`?since=${encodeURIComponent(t1)}`)).toBe(3);
    expect(await count(`?until=${encodeURIComponent(t0)}`)).toBe(0);
    expect(await count(`?since=${encodeURIComponent(t0)}&until=${encodeURIComponent(t1)}`)).toBe(6);
    expect(await count('?version=2&status=4xx&path=/embed')).toBe(1);
    // Pages of 2, newest first, end to end, and the last one says so.
    const paged = await all(call, dev, EMBEDDING, '', 2);
    expect(paged.map((r) => r.id)).toEqual(everything.map((r) => r.id));
    const last = await page(call, dev, EMBEDDING, `?limit=2&before=${everything[6]!.id}`);
    expect(last.items.map((r) => r.id)).toEqual([everything[7]!.id, everything[8]!.id]);
    expect(last.next_before).toBeNull();
    // Bad input is a 422 that says where.
    for (const [query, loc] of [
      ['?limit=201', 'limit'],
      ['?limit=0', 'limit'],
      ['?status=6xx', 'status'],
      ['?status=99', 'status'],
      ['?version=0', 'version'],
      ['?since=yesterday', 'since'],
      ['?method=G%20T', 'method'],
      ['?before=unknown-id', 'before'],
    ] as const) {
      const res = await call('GET', requestsOf(EMBEDDING, query), { token: dev });
      expect(res.status, query).toBe(422);
      expect(res.body.detail[0].loc, query).toEqual(['query', loc]);
    }
  });

  it('is read by anyone who may read the service; another organization gets 404', async () => {
    const { platform, call, login } = setup();
    const dev = await login('developer');
    const viewer = await login('viewer');
    await call('GET', gw(INVOICE, 'health'), { token: dev });
    expect((await page(call, viewer, INVOICE)).items).toHaveLength(1);
    const stranger = await outsider(platform);
    for (const path of [requestsOf(INVOICE), `${requestsOf(INVOICE)}/stream`, `${SERVICES}/${INVOICE}/metrics`]) {
      expect((await call('GET', path, { token: stranger })).status, path).toBe(404);
      expect((await call('GET', path)).status, path).toBe(401);
    }
    expect(
      (await call('GET', `${API}/orgs/${demoId(8802)}/workspaces/${WS}/hosted-services/${INVOICE}/requests`, { token: stranger })).status,
    ).toBe(404);
  });

  it('survives a restart (an orderly close writes what was buffered); a reset, 7 days and a deleted service drop records', async () => {
    const file = join(dir(), 'state.sqlite');
    const first = setup({ dataFile: file });
    const dev = await first.login('developer');
    for (let i = 0; i < 3; i++) await first.call('GET', gw(INVOICE, 'health'), { token: dev });
    await first.call('GET', gw(SENTIMENT, 'health'), { token: dev });
    expect(first.platform.store.requestLog.buffered).toBe(4);
    first.platform.close();
    const second = setup({ dataFile: file });
    const token = await second.login('developer');
    expect(await all(second.call, token, INVOICE)).toHaveLength(3);
    // A deleted service's records go with it.
    expect((await second.call('DELETE', `${SERVICES}/${SENTIMENT}`, { token: await second.login('admin') })).status).toBe(204);
    second.platform.store.requestLog.flush();
    expect(second.platform.store.requestLog.seqOf(SENTIMENT, 'x')).toBeUndefined();
    const rows = second.platform.store.sql.prepare('SELECT count(*) AS n FROM request_records WHERE service_id = ?').get(SENTIMENT) as {
      n: number;
    };
    expect(rows.n).toBe(0);
    // 7 days later they are gone.
    second.platform.clock.advance(7 * 86_400_000 + 1000);
    const later = (await second.call('POST', `${API}/auth/login`, { body: { email: 'developer@example.com', password: 'password' } })).body
      .access_token as string;
    expect(await all(second.call, later, INVOICE)).toHaveLength(0);
    // A reset forgets them, buffered ones too.
    await second.call('GET', gw(INVOICE, 'health'), { token: later });
    expect(second.platform.store.requestLog.buffered).toBe(1);
    second.platform.reset();
    expect(await all(second.call, later, INVOICE)).toHaveLength(0);
  });
});

describe('the live tail', () => {
  it('streams new records as server-sent events, with the filters; Last-Event-ID resumes; a client that goes leaves nothing behind', async () => {
    const { platform, call, login } = setup();
    const dev = await login('developer');
    const log = platform.store.requestLog;
    const open = (query = '', headers: Record<string, string> = {}) =>
      platform.app.request(`${requestsOf(INVOICE)}/stream${query}`, { headers: { authorization: `Bearer ${dev}`, ...headers } });
    const res = await open('?status=2xx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = sse(res);
    expect(await events.read()).toEqual({ comment: 'connected' });
    expect(log.streams).toBe(1);
    const ok = await call('GET', gw(INVOICE, 'health'), { token: dev });
    await call('POST', gw(INVOICE, 'extract'), { token: dev, body: {} }); // a 422: filtered out
    await call('GET', gw(SENTIMENT, 'health'), { token: dev }); // another service's
    const ok2 = await call('GET', gw(INVOICE, 'v1/health'), { token: dev });
    const first = await events.read();
    expect(first).toMatchObject({ id: ok.headers.get('x-request-id'), event: 'request' });
    expect(RequestRecord.parse(JSON.parse(first.data!))).toMatchObject({ status: 200, path: '/health', version: 1 });
    expect((await events.read()).id).toBe(ok2.headers.get('x-request-id'));
    await events.close();
    await vi.waitFor(() => expect(log.streams).toBe(0));

    // Resume after the first: what was missed comes first, then new ones.
    const missed = await call('GET', gw(INVOICE, 'health'), { token: dev });
    const resumed = sse(await open('?status=2xx', { 'Last-Event-ID': ok.headers.get('x-request-id')! }));
    expect(await resumed.read()).toEqual({ comment: 'connected' });
    expect((await resumed.read()).id).toBe(ok2.headers.get('x-request-id'));
    expect((await resumed.read()).id).toBe(missed.headers.get('x-request-id'));
    const live = await call('GET', gw(INVOICE, 'health'), { token: dev });
    expect((await resumed.read()).id).toBe(live.headers.get('x-request-id'));
    await resumed.close();
    await vi.waitFor(() => expect(log.streams).toBe(0));
    // The filters are the list's: a bad one is a 422 before any stream opens.
    expect((await open('?status=9xx')).status).toBe(422);
    expect(log.streams).toBe(0);
  });

  it('keeps the stream open with a comment every 15 s, and ends it (timer and all) when the platform closes', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { platform, login } = setup();
    const dev = await login('developer');
    const res = await platform.app.request(`${requestsOf(INVOICE)}/stream`, { headers: { authorization: `Bearer ${dev}` } });
    const events = sse(res);
    expect(await events.read()).toEqual({ comment: 'connected' });
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(15_000);
    expect(await events.read()).toEqual({ comment: 'keep-alive' });
    platform.close();
    expect(platform.store.requestLog.streams).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('the knobs', () => {
  it('X-Mock-Status answers that status after auth, routing and the body check, recorded as such; an async submit then makes no job', async () => {
    const { platform, call, login } = setup();
    const dev = await login('developer');
    const asked = await call('POST', gw(INVOICE, 'extract'), {
      token: dev,
      body: { document_url: 'https://a.example/x.pdf' },
      headers: { 'X-Mock-Status': '503' },
    });
    expect(asked).toMatchObject({ status: 503, body: { detail: 'Service Unavailable' } });
    expect(asked.headers.get('x-service-version')).toBe('1');
    expect((await call('GET', gw(INVOICE, 'health'), { token: dev, headers: { 'X-Mock-Status': '204' } })).status).toBe(204);
    expect((await call('GET', gw(INVOICE, 'health'), { token: dev, headers: { 'X-Mock-Status': '418' } })).body).toEqual({
      detail: "I'm a Teapot",
    });
    // Auth, routing and the body check come first.
    expect((await call('GET', gw(INVOICE, 'health'), { headers: { 'X-Mock-Status': '503' } })).status).toBe(401);
    expect((await call('GET', gw(INVOICE, 'nope'), { token: dev, headers: { 'X-Mock-Status': '503' } })).status).toBe(404);
    expect((await call('POST', gw(INVOICE, 'extract'), { token: dev, body: {}, headers: { 'X-Mock-Status': '503' } })).status).toBe(422);
    const jobs = platform.store.jobs.size;
    const submit = await call('POST', gw(INVOICE, 'async/extract'), {
      token: dev,
      body: { document_url: 'https://a.example/x.pdf' },
      headers: { 'X-Mock-Status': '500' },
    });
    expect(submit).toMatchObject({ status: 500, body: { detail: 'Internal Server Error' } });
    expect(platform.store.jobs.size).toBe(jobs);
    const records = (await page(call, dev, INVOICE)).items;
    expect(records.map((r) => r.status)).toEqual([500, 422, 404, 401, 418, 204, 503]);
    expect(records[0]).toMatchObject({ async: true, job_id: null, version: 1, path: '/extract' });
    // Out of range: a 422 at the header.
    for (const value of ['99', '100', '199', '600', 'abc', '5xx', '']) {
      const res = await call('GET', gw(INVOICE, 'health'), { token: dev, headers: { 'X-Mock-Status': value } });
      expect(res.status, value).toBe(422);
      expect(res.body.detail[0].loc).toEqual(['header', 'x-mock-status']);
    }
  });

  it('the documented profile has none of it: no log to read, and the knobs are ignored as a platform without them would', async () => {
    const { platform, call, login } = setup({ profile: 'documented' });
    const dev = await login('developer');
    const res = await call('GET', gw(INVOICE, 'health'), { token: dev, headers: { 'X-Mock-Status': '503', 'X-Mock-Latency-Ms': 'soon' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(platform.store.requestLog.buffered).toBe(0);
    for (const path of [
      requestsOf(INVOICE),
      `${requestsOf(INVOICE)}/stream`,
      `${SERVICES}/${INVOICE}/metrics`,
      `${API}/orgs/${ORG}/workspaces/${WS}/service-metrics`,
    ])
      expect(await call('GET', path, { token: dev }), path).toMatchObject({ status: 404, body: { detail: 'Not Found' } });
  });

  it('X-Mock-Latency-Ms answers that much later without holding up anyone else, and the record says so', async () => {
    const { call, login, wall } = setup();
    const dev = await login('developer');
    // The slow call's wait is held until released: the fast one is answered meanwhile.
    wall.hold();
    const slow = call('GET', gw(INVOICE, 'health'), { token: dev, headers: { 'X-Mock-Latency-Ms': '300' } });
    await wall.waiting();
    const fast = await call('GET', gw(INVOICE, 'health'), { token: dev });
    expect(fast.status).toBe(200);
    expect(wall.asked).toEqual([300]);
    wall.release();
    const slowRes = await slow;
    expect(slowRes.status).toBe(200);
    const record = (await call('GET', `${requestsOf(INVOICE)}/${slowRes.headers.get('x-request-id')}`, { token: dev })).body;
    expect(record.duration_ms).toBeGreaterThanOrEqual(295);
    for (const value of ['-1', '10001', 'soon', '1.5']) {
      const res = await call('GET', gw(INVOICE, 'health'), { token: dev, headers: { 'X-Mock-Latency-Ms': value } });
      expect(res.status, value).toBe(422);
      expect(res.body.detail[0].loc).toEqual(['header', 'x-mock-latency-ms']);
    }
  });

  it('MOCK_SEED_REQUESTS backfills that many records over the last 7 days across the serving versions, about 1% 5xx; a reset does it again', async () => {
    const { platform, call, login } = setup({ seedRequests: 10_000 });
    const log = platform.store.requestLog;
    const count = () =>
      platform.store.sql
        .prepare('SELECT count(*) AS n, min(time) AS first, max(time) AS last, sum(status >= 500) AS e5 FROM request_records')
        .get() as { n: number; first: number; last: number; e5: number };
    const c = count();
    expect(c.n).toBe(10_000);
    const now = platform.clock.now();
    expect(c.first).toBeGreaterThanOrEqual(now - 7 * 86_400_000);
    expect(c.first).toBeLessThan(now - 6 * 86_400_000);
    expect(c.last).toBeLessThanOrEqual(now);
    expect(c.e5 / c.n).toBeGreaterThan(0.005);
    expect(c.e5 / c.n).toBeLessThan(0.02);
    // Only serving versions, each after it was published: Embedding's v2 from 2 days ago.
    const dev = await login('developer');
    const embedding = await all(call, dev, EMBEDDING);
    const versions = new Set(embedding.map((r) => r.version));
    expect(versions.has(1) && versions.has(2)).toBe(true);
    expect([...versions].every((v) => v === 1 || v === 2 || v === null)).toBe(true);
    const v2 = embedding.filter((r) => r.version === 2);
    const published = Date.parse(platform.store.versionsOf(EMBEDDING).find((v) => v.version === 2)!.published_at!);
    expect(Math.min(...v2.map((r) => Date.parse(r.time)))).toBeGreaterThanOrEqual(published);
    // Its metrics add up to the same.
    const metrics = await call('GET', `${API}/orgs/${ORG}/workspaces/${WS}/service-metrics?window=7d`, { token: dev });
    // The 7d window's first hour starts on the hour, 167 hours before the current one.
    const from = Math.floor(now / 3_600_000) * 3_600_000 - 167 * 3_600_000;
    const inProduction = platform.store.sql
      .prepare('SELECT count(*) AS n FROM request_records WHERE workspace_id = ? AND time >= ?')
      .get(WS, from) as { n: number };
    expect(metrics.body.items.reduce((n: number, i: { totals: { requests: number } }) => n + i.totals.requests, 0)).toBe(inProduction.n);
    platform.reset();
    expect(count().n).toBe(10_000);
    expect(log.buffered).toBe(0);
  }, 30_000);

  it('MOCK_TRAFFIC=demo: synthetic calls go through the gateway and are recorded as anyone’s; the seeded canary is worse; closing stops it', async () => {
    const { platform, call, login } = setup();
    for (let i = 0; i < 4; i++) await demoCall(platform);
    platform.store.requestLog.flush();
    const rows = platform.store.sql.prepare('SELECT caller, version, templated FROM request_records').all() as { caller: string }[];
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(['user', 'api_key', 'anonymous']).toContain(r.caller);
    void call;
    void login;
    // The demo's history (same model as the live calls): Embedding's canary, version 2, fails more and is slower.
    const demo = setup();
    expect(backfill(demo.platform.store, null)).toBeGreaterThan(10_000);
    const token = await demo.login('developer');
    const m = (await demo.call('GET', `${SERVICES}/${EMBEDDING}/metrics?window=24h`, { token })).body;
    const [v1, v2] = [1, 2].map((v) => m.versions.find((x: { version: number }) => x.version === v).totals);
    expect(v1.requests).toBeGreaterThan(100);
    expect(v2.requests).toBeGreaterThan(20);
    expect(v2.p50_ms).toBeGreaterThan(v1.p50_ms * 1.8);
    expect(v2.error_rate).toBeGreaterThan(v1.error_rate);
    demo.platform.close();
    // Closing stops the generator's timer and leaves none.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const quiet = createMockPlatform({ traffic: 'demo', seedRequests: 0 });
    expect(vi.getTimerCount()).toBe(1);
    quiet.close();
    expect(vi.getTimerCount()).toBe(0);
  }, 30_000);
});
