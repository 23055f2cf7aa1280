// @vitest-environment node
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServiceMetrics, WINDOW_SPECS, WorkspaceServiceMetrics, type MetricsWindow } from '../../src/contract/metrics';
import { signAccessToken } from '../core/auth';
import { demoId } from '../core/seed-ids';
import type { CallRecord } from '../requests/records';
import { API, bodyOf, gatewayPath as gw, ORG, SERVICES, setup, tempDirPerTest, WS } from '../test-helpers';
import { LatencySketch, RELATIVE_ACCURACY } from './sketch';

const INVOICE = demoId(1001);
const EMBEDDING = demoId(1003);
const FRAUD = demoId(1004);
const WORKSPACE_METRICS = `${API}/orgs/${ORG}/workspaces/${WS}/service-metrics`;
const metricsOf = (serviceId: string, query = '') => `${SERVICES}/${serviceId}/metrics${query}`;

/** A known, skewed distribution of latencies (log-normal, from a fixed seed). */
function latencies(n: number, median = 80): number[] {
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) + 0.5) / 2 ** 31;
  return Array.from({ length: n }, () => {
    const z = Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random());
    return median * Math.exp(0.6 * z);
  });
}

/** The exact quantile (nearest rank). */
const exact = (sorted: number[], q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;

const call = (over: Partial<CallRecord> = {}): CallRecord => ({
  id: crypto.randomUUID(),
  service_id: INVOICE,
  workspace_id: WS,
  version: 1,
  method: 'POST',
  path: '/extract',
  templated: true,
  status: 200,
  duration_ms: 10,
  caller: 'user',
  async: false,
  job_id: null,
  ...over,
});

describe('the latency sketch', () => {
  it('answers quantiles within its relative accuracy of the exact ones, merged or not, through its encoding', () => {
    const values = latencies(20_000);
    const sorted = [...values].sort((a, b) => a - b);
    const whole = new LatencySketch();
    const halves = [new LatencySketch(), new LatencySketch()];
    values.forEach((v, i) => {
      whole.add(v);
      halves[i % 2]!.add(v);
    });
    const merged = LatencySketch.decode(halves[0]!.encode());
    merged.mergeEncoded(halves[1]!.encode());
    for (const q of [0.01, 0.5, 0.9, 0.95, 0.99, 0.999]) {
      for (const s of [whole, merged])
        expect(Math.abs(s.quantile(q)! - exact(sorted, q)) / exact(sorted, q), String(q)).toBeLessThan(2 * RELATIVE_ACCURACY);
    }
    expect(merged.count).toBe(20_000);
    expect(new LatencySketch().quantile(0.5)).toBeNull();
    const zero = new LatencySketch();
    zero.add(0);
    zero.add(0);
    zero.add(5);
    expect(zero.quantile(0.5)).toBe(0);
    expect(LatencySketch.decode(zero.encode()).quantile(1)).toBeCloseTo(5, 0);
  });
});

describe('metrics', () => {
  const dir = tempDirPerTest('mock-metrics-');

  it('cuts every window into its steps, every bucket present, totals the sum of their points; percentiles within 5% of exact', async () => {
    const { platform, call: request, login } = setup();
    const log = platform.store.requestLog;
    const values = latencies(3000);
    // 3000 calls over 50 minutes: every 50th a 500, every 20th a 404; version 2 of Embedding, version 1 of Invoice.
    values.forEach((ms, i) => {
      log.record(call({ duration_ms: ms, status: i % 50 === 0 ? 500 : i % 20 === 0 ? 404 : 200 }));
      if (i % 3 === 0) platform.clock.advance(3000);
    });
    log.record(call({ version: null, status: 401, duration_ms: 1, templated: false, path: '/extract', caller: 'anonymous' }));
    const viewer = await login('viewer');
    for (const window of Object.keys(WINDOW_SPECS) as MetricsWindow[]) {
      const res = await request('GET', metricsOf(INVOICE, `?window=${window}`), { token: viewer });
      expect(res.status, window).toBe(200);
      const m = ServiceMetrics.parse(res.body);
      const spec = WINDOW_SPECS[window];
      expect(m.step_seconds).toBe(spec.step_seconds);
      const [v1] = m.versions;
      expect(m.versions.map((v) => v.version)).toEqual([1]);
      expect(v1!.points).toHaveLength(spec.seconds / spec.step_seconds);
      v1!.points.forEach((p, i) => {
        expect(Date.parse(p.t) % (spec.step_seconds * 1000)).toBe(0);
        expect(Date.parse(p.t)).toBe(Date.parse(m.from) + i * spec.step_seconds * 1000);
        if (p.requests === 0) expect([p.p50_ms, p.p95_ms, p.p99_ms]).toEqual([null, null, null]);
      });
      const sum = (k: 'requests' | 'errors_4xx' | 'errors_5xx') => v1!.points.reduce((n, p) => n + p[k], 0);
      expect({ requests: sum('requests'), errors_4xx: sum('errors_4xx'), errors_5xx: sum('errors_5xx') }).toEqual({
        requests: v1!.totals.requests,
        errors_4xx: v1!.totals.errors_4xx,
        errors_5xx: v1!.totals.errors_5xx,
      });
      if (window === '15m') continue;
      // Every call of the last 50 minutes is in the other windows; the 401 (no version) in the service's totals only.
      expect(v1!.totals).toMatchObject({ requests: 3000, errors_5xx: 60, errors_4xx: 3000 / 20 - 3000 / 100 });
      expect(m.totals.requests).toBe(3001);
      expect(m.totals.errors_4xx).toBe(v1!.totals.errors_4xx + 1);
      expect(v1!.totals.error_rate).toBeCloseTo(60 / 3000, 10);
      const sorted = [...values].sort((a, b) => a - b);
      for (const [q, got] of [
        [0.5, v1!.totals.p50_ms],
        [0.95, v1!.totals.p95_ms],
        [0.99, v1!.totals.p99_ms],
      ] as const)
        expect(Math.abs(got! - exact(sorted, q)) / exact(sorted, q), `${window} p${q * 100}`).toBeLessThan(0.05);
    }
    // The 15m window holds the last 15 minutes' calls only; empty windows still have every bucket.
    const quarter = ServiceMetrics.parse((await request('GET', metricsOf(INVOICE, '?window=15m'), { token: viewer })).body);
    expect(quarter.versions[0]!.totals.requests).toBeLessThan(3000);
    expect(quarter.versions[0]!.totals.requests).toBeGreaterThan(500);
    const quiet = ServiceMetrics.parse((await request('GET', metricsOf(FRAUD), { token: viewer })).body);
    expect(quiet.totals).toEqual({ requests: 0, errors_4xx: 0, errors_5xx: 0, error_rate: 0, p50_ms: null, p95_ms: null, p99_ms: null });
    // The serving version is there, with nothing in it.
    expect(quiet.versions.map((v) => [v.version, v.points.length, v.totals.requests])).toEqual([[1, 60, 0]]);
    expect((await request('GET', metricsOf(INVOICE, '?window=2h'), { token: viewer })).status).toBe(422);
    expect((await request('GET', metricsOf(INVOICE, '?version=0'), { token: viewer })).status).toBe(422);
  });

  it('reads calls the gateway just answered, per version, and by path', async () => {
    const { call: request, login } = setup();
    const dev = await login('developer');
    for (let i = 0; i < 3; i++) await request('POST', gw(EMBEDDING, 'v1/embed'), { token: dev, body: { texts: ['a'] } });
    await request('POST', gw(EMBEDDING, 'v2/embed'), { token: dev, body: { texts: ['a'] }, headers: { 'X-Mock-Status': '503' } });
    await request('GET', gw(EMBEDDING, 'v2/unknown'), { token: dev });
    const m = ServiceMetrics.parse((await request('GET', metricsOf(EMBEDDING), { token: dev })).body);
    expect(m.totals).toMatchObject({ requests: 5, errors_4xx: 1, errors_5xx: 1, error_rate: 0.2 });
    expect(m.versions.map((v) => [v.version, v.totals.requests, v.totals.errors_5xx])).toEqual([
      [1, 3, 0],
      [2, 2, 1],
    ]);
    const v2 = ServiceMetrics.parse((await request('GET', metricsOf(EMBEDDING, '?version=2'), { token: dev })).body);
    expect(v2.versions.map((v) => v.version)).toEqual([2]);
    expect(v2.totals.requests).toBe(2);
    // By path template: the unknown path is in no template's.
    const embed = ServiceMetrics.parse((await request('GET', metricsOf(EMBEDDING, '?path=/embed'), { token: dev })).body);
    expect(embed.totals.requests).toBe(4);
    const none = ServiceMetrics.parse((await request('GET', metricsOf(EMBEDDING, '?path=/nothing'), { token: dev })).body);
    expect(none.totals.requests).toBe(0);
  });

  it('sums a workspace’s services for lists in one call: those with traffic, or those asked for', async () => {
    const { platform, call: request, login } = setup();
    const log = platform.store.requestLog;
    for (let i = 0; i < 4; i++) log.record(call({ status: i === 0 ? 502 : 200, duration_ms: 100 }));
    log.record(call({ service_id: EMBEDDING, version: 2, path: '/embed' }));
    log.record(call({ service_id: EMBEDDING, version: 1, path: '/embed' }));
    const viewer = await login('viewer');
    const res = await request('GET', WORKSPACE_METRICS, { token: viewer });
    const m = bodyOf(res, 200, WorkspaceServiceMetrics);
    expect(m.window).toBe('1h');
    const byId = Object.fromEntries(m.items.map((i) => [i.service_id, i]));
    expect(Object.keys(byId).sort()).toEqual([INVOICE, EMBEDDING].sort());
    expect(byId[INVOICE]!.totals).toMatchObject({ requests: 4, errors_5xx: 1, error_rate: 0.25 });
    expect(byId[INVOICE]!.totals.p50_ms).toBeCloseTo(100, -1);
    expect(byId[EMBEDDING]!.versions.map((v) => [v.version, v.totals.requests])).toEqual([
      [1, 1],
      [2, 1],
    ]);
    const one = WorkspaceServiceMetrics.parse(
      (await request('GET', `${WORKSPACE_METRICS}?service_id=${EMBEDDING}&window=7d`, { token: viewer })).body,
    );
    expect(one.items.map((i) => i.service_id)).toEqual([EMBEDDING]);
    const two = WorkspaceServiceMetrics.parse(
      (await request('GET', `${WORKSPACE_METRICS}?service_id=${EMBEDDING}&service_id=${INVOICE}&service_id=${FRAUD}`, { token: viewer }))
        .body,
    );
    expect(two.items.map((i) => i.service_id).sort()).toEqual([INVOICE, EMBEDDING].sort());
    const bad = await request('GET', `${WORKSPACE_METRICS}?service_id=nope`, { token: viewer });
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0].loc.slice(0, 2)).toEqual(['query', 'service_id']);
    // Another organization's workspace is not found.
    const someone = [...platform.store.users.values()][0]!;
    const stranger = { ...someone, id: demoId(8801), email: 'x@elsewhere.example', org_id: demoId(8802) };
    platform.store.users.put(stranger);
    const token = await signAccessToken(platform.store, stranger, 600, 'elsewhere');
    expect((await request('GET', WORKSPACE_METRICS, { token })).status).toBe(404);
    expect((await request('GET', metricsOf(INVOICE), { token })).status).toBe(404);
  });

  it('survives a restart; buckets older than 7 days are dropped', async () => {
    const file = join(dir(), 'state.sqlite');
    const first = setup({ dataFile: file });
    for (let i = 0; i < 10; i++) first.platform.store.requestLog.record(call({ duration_ms: 50 + i }));
    const dev = await first.login('developer');
    const before = (await first.call('GET', metricsOf(INVOICE, '?window=24h'), { token: dev })).body;
    first.platform.store.requestLog.record(call({ duration_ms: 70 }));
    first.platform.close();
    const second = setup({ dataFile: file });
    const again = (await second.call('GET', metricsOf(INVOICE, '?window=24h'), { token: dev })).body;
    expect(again.totals.requests).toBe(11);
    expect(again.versions[0].points.filter((p: { requests: number }) => p.requests > 0)).toHaveLength(1);
    expect(before.totals.requests).toBe(10);
    second.platform.clock.advance(7 * 86_400_000 + 2 * 3_600_000);
    second.platform.store.requestLog.flush();
    const rows = second.platform.store.sql.prepare('SELECT count(*) AS n FROM request_buckets').get() as { n: number };
    expect(rows.n).toBe(0);
  });
});
