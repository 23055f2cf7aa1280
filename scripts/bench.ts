/**
 * The mock's budgets, over real HTTP, with state on disk (a temporary database):
 *
 * 1. Search: 10,000 services (`large` seed), a warm-up, then ~1000 sequential
 *    `GET …/hosted-services?search=<term>&limit=25`. Fails if the median is ≥ 5 ms.
 * 2. Writes: the time of a one-field service update (`PUT {description}`,
 *    committed to disk before the 2xx) with 100 and with 30,000 services in the
 *    workspace. Fails if the larger state's median is more than 2× the smaller's:
 *    a write costs what it changes, not what is stored.
 *
 * 3. Request log and metrics (CONTRACT §12): with 10,000 and with 1,000,000
 *    request records (backfilled as `MOCK_SEED_REQUESTS` does, in process), side
 *    by side, sequential `…/metrics?window=7d`, `…/metrics?window=1h` and
 *    filtered `…/requests` (status, version, path, method, a code) of a service.
 *    Fails if a p95 at the larger size is over 50 ms, or a median there is more
 *    than 2.5× the smaller's: a query costs what it reads, not what is stored.
 *    The workspace's 7-day summary (`…/service-metrics`) is measured too, with the p95 budget only.
 * 4. Recording's cost: the gateway's median latency (`GET …/health`, sequential,
 *    over HTTP) with the request log on and off, side by side. Fails if the
 *    medians are more than 1 ms apart.
 *
 * Env: BENCH_SERVICES (10000), BENCH_REQUESTS (1000), BENCH_MAX_MEDIAN_MS (5),
 * BENCH_WRITE_SIZES (100,30000), BENCH_WRITES (300), BENCH_MAX_WRITE_RATIO (2),
 * BENCH_RECORD_SIZES (10000,1000000), BENCH_QUERIES (200), BENCH_MAX_QUERY_P95_MS (50),
 * BENCH_MAX_QUERY_RATIO (2.5), BENCH_GATEWAY_CALLS (2000), BENCH_MAX_RECORDING_MS (1),
 * BENCH_PARTS (search,writes,requests,recording: which to run).
 */
import { serve } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMockPlatform, type MockPlatform, type MockPlatformOptions } from '../mock-server/platform';
import { IDS } from '../mock-server/core/seed-ids';
import { signIn } from './sign-in';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const MAX_MEDIAN_MS = Number(process.env.BENCH_MAX_MEDIAN_MS ?? 5);
const WRITE_SIZES = (process.env.BENCH_WRITE_SIZES ?? '100,30000').split(',').map(Number);
const WRITES = Number(process.env.BENCH_WRITES ?? 300);
const MAX_WRITE_RATIO = Number(process.env.BENCH_MAX_WRITE_RATIO ?? 2);
/** Which parts to run (`search,writes,requests,recording`; default all). */
const PARTS = new Set((process.env.BENCH_PARTS ?? 'search,writes,requests,recording').split(','));
const RECORD_SIZES = (process.env.BENCH_RECORD_SIZES ?? '10000,1000000').split(',').map(Number);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const MAX_QUERY_P95_MS = Number(process.env.BENCH_MAX_QUERY_P95_MS ?? 50);
const MAX_QUERY_RATIO = Number(process.env.BENCH_MAX_QUERY_RATIO ?? 2.5);
const GATEWAY_CALLS = Number(process.env.BENCH_GATEWAY_CALLS ?? 2000);
const MAX_RECORDING_MS = Number(process.env.BENCH_MAX_RECORDING_MS ?? 1);
const TERMS = ['invoice', 'classifier', 'support tickets', 'ledger', 'real-time', 'Extractor 42', 'zzz-no-match', 'scor', 'PDF', 'nightly'];
/** The demo seed's services, beside the generated ones. */
const DEMO_SERVICES = 16;

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

const figures = (times: number[]) => {
  const t = [...times].sort((a, b) => a - b);
  return { median: percentile(t, 50), p95: percentile(t, 95), p99: percentile(t, 99), max: t[t.length - 1]! };
};

/** A platform on a temporary database, served on a free port, with a developer signed in. */
async function started(
  totalServices: number,
): Promise<{ platform: MockPlatform; base: string; headers: Record<string, string>; stop: () => void }> {
  return startedWith({ seed: 'large', seedServices: Math.max(0, totalServices - DEMO_SERVICES) }, 'services');
}

async function startedWith(
  options: MockPlatformOptions,
  what: 'services' | 'request records',
): Promise<{ platform: MockPlatform; base: string; headers: Record<string, string>; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'mock-bench-'));
  const t0 = performance.now();
  const platform = createMockPlatform({ dataFile: join(dir, 'state.sqlite'), ...options });
  const size =
    what === 'services'
      ? platform.store.services.size
      : (platform.store.sql.prepare('SELECT count(*) AS n FROM request_records').get() as { n: number }).n;
  console.log(`seeded ${size} ${what} into ${platform.state.database} in ${(performance.now() - t0).toFixed(0)} ms`);
  const server = serve({ fetch: platform.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}/api/v1`;
  return {
    platform,
    base,
    headers: await signIn(base),
    stop: () => {
      server.close();
      platform.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function searchBench(): Promise<boolean> {
  const { platform, base, headers, stop } = await started(SERVICES + DEMO_SERVICES);
  try {
    const url = (term: string) =>
      `${base}/orgs/${IDS.org}/workspaces/${IDS.production}/hosted-services?search=${encodeURIComponent(term)}&limit=25`;
    const once = async (term: string) => {
      const start = performance.now();
      const res = await fetch(url(term), { headers });
      const body = (await res.json()) as { total: number };
      const ms = performance.now() - start;
      if (res.status !== 200) throw new Error(`search failed: ${res.status} ${JSON.stringify(body)}`);
      return { ms, total: body.total };
    };

    for (let i = 0; i < 100; i++) await once(TERMS[i % TERMS.length]!);
    const times: number[] = [];
    const totals = new Map<string, number>();
    for (let i = 0; i < REQUESTS; i++) {
      const term = TERMS[i % TERMS.length]!;
      const { ms, total } = await once(term);
      times.push(ms);
      totals.set(term, total);
    }
    const f = figures(times);
    console.log(`matches per term: ${[...totals].map(([t, n]) => `${JSON.stringify(t)}=${n}`).join(', ')}`);
    console.log(
      `${REQUESTS} sequential searches over ${platform.store.services.size} services: ` +
        `median ${f.median.toFixed(2)} ms, p95 ${f.p95.toFixed(2)} ms, p99 ${f.p99.toFixed(2)} ms, max ${f.max.toFixed(2)} ms`,
    );
    // The same searches without the per-query result cache (the full scan), in-process.
    platform.store.serviceSearch.cacheMatches = false;
    const scan: number[] = [];
    for (let i = 0; i < 200; i++) {
      const start = performance.now();
      platform.store.serviceSearch.list(IDS.production, {
        search: TERMS[i % TERMS.length]!,
        limit: 25,
        offset: 0,
        sort: 'created_at',
        order: 'desc',
      });
      scan.push(performance.now() - start);
    }
    platform.store.serviceSearch.cacheMatches = true;
    const s = figures(scan);
    console.log(
      `uncached in-process scan of ${platform.store.services.size} services: median ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms`,
    );
    if (f.median >= MAX_MEDIAN_MS) {
      console.error(`FAIL: search median ${f.median.toFixed(2)} ms ≥ ${MAX_MEDIAN_MS} ms`);
      return false;
    }
    console.log(`OK: search median < ${MAX_MEDIAN_MS} ms`);
    return true;
  } finally {
    stop();
  }
}

/**
 * Median time of a one-field update of a service, for each size of state. The
 * platforms run side by side and take turns, so a busy machine slows them alike.
 */
async function writeBench(sizes: number[]): Promise<number[]> {
  const runs = [];
  for (const n of sizes) runs.push(await started(n));
  try {
    const targets = runs.map(({ platform, base, headers }) => ({
      platform,
      headers,
      urls: [...platform.store.services.values()]
        .filter((s) => s.workspace_id === IDS.production)
        .slice(0, 20)
        .map((s) => `${base}/orgs/${IDS.org}/workspaces/${IDS.production}/hosted-services/${s.id}`),
      times: [] as number[],
    }));
    const put = async (t: (typeof targets)[number], i: number) => {
      const start = performance.now();
      const res = await fetch(t.urls[i % t.urls.length]!, {
        method: 'PUT',
        headers: t.headers,
        body: JSON.stringify({ description: `Updated by the bench, write ${i}` }),
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`update failed: ${res.status}`);
      return performance.now() - start;
    };
    for (let i = 0; i < 30; i++) for (const t of targets) await put(t, i);
    for (let i = 0; i < WRITES; i++) for (const t of targets) t.times.push(await put(t, i));
    return targets.map((t) => {
      const f = figures(t.times);
      console.log(
        `${WRITES} one-field updates with ${t.platform.store.services.size} services (each on disk before its 2xx): ` +
          `median ${f.median.toFixed(2)} ms, p95 ${f.p95.toFixed(2)} ms, max ${f.max.toFixed(2)} ms`,
      );
      return f.median;
    });
  } finally {
    for (const r of runs) r.stop();
  }
}

/** A GET's time over HTTP, its body read; a status other than 200 is a failure of the bench. */
async function timedGet(url: string, headers: Record<string, string>): Promise<number> {
  const start = performance.now();
  const res = await fetch(url, { headers });
  const body = await res.text();
  const ms = performance.now() - start;
  if (res.status !== 200) throw new Error(`GET ${url} failed: ${res.status} ${body.slice(0, 200)}`);
  return ms;
}

const EMBEDDING = '0f6f2d6e-0000-4000-8000-000000001003';
/** The log's filters the bench reads with, in turn: each has an index (search has none: a part of a string). */
const LOG_FILTERS = [
  'status=5xx',
  'version=2&status=5xx',
  'path=/embed&status=4xx',
  'status=503',
  'method=POST&version=1',
  'status=2xx&limit=200',
];

/**
 * Metrics (7 days, 1 hour) and filtered log queries at each number of request
 * records, the platforms side by side, taking turns. Returns whether the budgets hold.
 */
async function requestsBench(sizes: number[]): Promise<boolean> {
  const runs = [];
  for (const n of sizes) runs.push({ n, ...(await startedWith({ seed: 'demo', seedRequests: n }, 'request records')) });
  try {
    const service = (base: string) => `${base}/orgs/${IDS.org}/workspaces/${IDS.production}/hosted-services/${EMBEDDING}`;
    const kinds = {
      'metrics 7d': (base: string) => `${service(base)}/metrics?window=7d`,
      'metrics 1h': (base: string) => `${service(base)}/metrics?window=1h`,
      'filtered log': (base: string, i: number) => `${service(base)}/requests?${LOG_FILTERS[i % LOG_FILTERS.length]}`,
      'workspace 7d': (base: string) => `${base}/orgs/${IDS.org}/workspaces/${IDS.production}/service-metrics?window=7d`,
    };
    const times = new Map<string, number[]>();
    for (let i = 0; i < QUERIES + 20; i++) {
      for (const r of runs) {
        for (const [kind, url] of Object.entries(kinds)) {
          const ms = await timedGet(url(r.base, i), r.headers);
          // The first 20 rounds warm up.
          if (i >= 20) times.set(`${kind}@${r.n}`, [...(times.get(`${kind}@${r.n}`) ?? []), ms]);
        }
      }
    }
    let ok = true;
    const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
    for (const kind of Object.keys(kinds)) {
      const a = figures(times.get(`${kind}@${small}`)!);
      const b = figures(times.get(`${kind}@${large}`)!);
      const ratio = b.median / a.median;
      const line =
        `${kind}: at ${small} records median ${a.median.toFixed(2)} ms, p95 ${a.p95.toFixed(2)} ms; ` +
        `at ${large} median ${b.median.toFixed(2)} ms, p95 ${b.p95.toFixed(2)} ms, max ${b.max.toFixed(2)} ms (median ratio ${ratio.toFixed(2)})`;
      // The workspace's summary reads a bucket row per hour for every service with traffic: its budget is the p95 only.
      const ratioBudget = kind !== 'workspace 7d';
      const fails = b.p95 > MAX_QUERY_P95_MS || (ratioBudget && ratio > MAX_QUERY_RATIO);
      if (fails) console.error(`FAIL: ${line}; budget p95 ≤ ${MAX_QUERY_P95_MS} ms${ratioBudget ? `, ratio ≤ ${MAX_QUERY_RATIO}` : ''}`);
      else console.log(`OK: ${line}${ratioBudget ? '' : ' (p95 budget only)'}`);
      ok &&= !fails;
    }
    return ok;
  } finally {
    for (const r of runs) r.stop();
  }
}

/** The gateway's median latency with the request log on and off, side by side. Returns whether they are within budget. */
async function recordingBench(): Promise<boolean> {
  const runs = [
    { label: 'on', ...(await startedWith({ seed: 'demo', recordRequests: true }, 'request records')) },
    { label: 'off', ...(await startedWith({ seed: 'demo', recordRequests: false }, 'request records')) },
  ];
  try {
    const times = new Map<string, number[]>(runs.map((r) => [r.label, []]));
    for (let i = 0; i < GATEWAY_CALLS + 100; i++) {
      for (const r of runs) {
        const ms = await timedGet(`${r.base}/orgs/${IDS.org}/services/${IDS.services.invoiceExtractor}/health`, r.headers);
        if (i >= 100) times.get(r.label)!.push(ms);
      }
    }
    const [on, off] = runs.map((r) => figures(times.get(r.label)!));
    const recorded = (runs[0]!.platform.store.sql.prepare('SELECT count(*) AS n FROM request_records').get() as { n: number }).n;
    const line =
      `gateway GET /health, ${GATEWAY_CALLS} sequential calls: recording on median ${on!.median.toFixed(2)} ms (p95 ${on!.p95.toFixed(2)} ms), ` +
      `off median ${off!.median.toFixed(2)} ms (p95 ${off!.p95.toFixed(2)} ms); ${recorded + runs[0]!.platform.store.requestLog.buffered} calls recorded`;
    const ok = on!.median - off!.median <= MAX_RECORDING_MS;
    if (ok) console.log(`OK: ${line}; medians within ${MAX_RECORDING_MS} ms`);
    else console.error(`FAIL: ${line}; medians more than ${MAX_RECORDING_MS} ms apart`);
    return ok;
  } finally {
    for (const r of runs) r.stop();
  }
}

async function main(): Promise<number> {
  let ok = true;
  if (PARTS.has('search')) ok = (await searchBench()) && ok;
  if (PARTS.has('writes')) {
    const medians = await writeBench(WRITE_SIZES);
    const ratio = Math.max(...medians) / Math.min(...medians);
    const line = `one-field update at ${WRITE_SIZES.join(' and ')} services: ${medians.map((m) => `${m.toFixed(2)} ms`).join(' vs ')} (ratio ${ratio.toFixed(2)})`;
    if (ratio <= MAX_WRITE_RATIO) console.log(`OK: ${line} ≤ ${MAX_WRITE_RATIO}×`);
    else console.error(`FAIL: ${line} > ${MAX_WRITE_RATIO}×`);
    ok &&= ratio <= MAX_WRITE_RATIO;
  }
  if (PARTS.has('requests')) ok = (await requestsBench(RECORD_SIZES)) && ok;
  if (PARTS.has('recording')) ok = (await recordingBench()) && ok;
  return ok ? 0 : 1;
}

// A failure is thrown out of the top-level await: Node prints it and exits with 1.
process.exit(await main());
