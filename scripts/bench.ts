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
 * Env: BENCH_SERVICES (10000), BENCH_REQUESTS (1000), BENCH_MAX_MEDIAN_MS (5),
 * BENCH_WRITE_SIZES (100,30000), BENCH_WRITES (300), BENCH_MAX_WRITE_RATIO (2).
 */
import { serve } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMockPlatform, type MockPlatform } from '../mock-server/platform';
import { IDS } from '../mock-server/core/seed-ids';
import { signIn } from './sign-in';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const MAX_MEDIAN_MS = Number(process.env.BENCH_MAX_MEDIAN_MS ?? 5);
const WRITE_SIZES = (process.env.BENCH_WRITE_SIZES ?? '100,30000').split(',').map(Number);
const WRITES = Number(process.env.BENCH_WRITES ?? 300);
const MAX_WRITE_RATIO = Number(process.env.BENCH_MAX_WRITE_RATIO ?? 2);
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
  const dir = mkdtempSync(join(tmpdir(), 'mock-bench-'));
  const t0 = performance.now();
  const platform = createMockPlatform({
    dataFile: join(dir, 'state.sqlite'),
    seed: 'large',
    seedServices: Math.max(0, totalServices - DEMO_SERVICES),
  });
  console.log(
    `seeded ${platform.store.services.size} services into ${platform.state.database} in ${(performance.now() - t0).toFixed(0)} ms`,
  );
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

async function main(): Promise<number> {
  const searchOk = await searchBench();
  const medians = await writeBench(WRITE_SIZES);
  const ratio = Math.max(...medians) / Math.min(...medians);
  const writesOk = ratio <= MAX_WRITE_RATIO;
  const line = `one-field update at ${WRITE_SIZES.join(' and ')} services: ${medians.map((m) => `${m.toFixed(2)} ms`).join(' vs ')} (ratio ${ratio.toFixed(2)})`;
  if (writesOk) console.log(`OK: ${line} ≤ ${MAX_WRITE_RATIO}×`);
  else console.error(`FAIL: ${line} > ${MAX_WRITE_RATIO}×`);
  return searchOk && writesOk ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
