/**
 * Search latency of the mock over real HTTP: 10,000 services (`large` seed), a
 * warm-up, then ~1000 sequential `GET …/hosted-services?search=<term>&limit=25`.
 * Prints median/p95/p99 and exits non-zero if the median is ≥ 5 ms.
 *
 * Env: BENCH_SERVICES (10000), BENCH_REQUESTS (1000), BENCH_MAX_MEDIAN_MS (5).
 */
import { serve } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMockPlatform } from '../mock-server/app';
import { DEMO_PASSWORD, DEMO_USERS, IDS } from '../mock-server/seed';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const MAX_MEDIAN_MS = Number(process.env.BENCH_MAX_MEDIAN_MS ?? 5);
const TERMS = ['invoice', 'classifier', 'support tickets', 'ledger', 'real-time', 'Extractor 42', 'zzz-no-match', 'scor', 'PDF', 'nightly'];

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'mock-bench-'));
  const t0 = performance.now();
  const platform = createMockPlatform({ dataFile: join(dir, 'state.json'), seed: 'large', seedServices: SERVICES });
  console.log(`seeded ${platform.store.services.size} services in ${(performance.now() - t0).toFixed(0)} ms`);

  const server = serve({ fetch: platform.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}/api/v1`;

  try {
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_USERS.developer, password: DEMO_PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
    const { access_token } = (await login.json()) as { access_token: string };
    const headers = { authorization: `Bearer ${access_token}` };
    const url = (term: string) => `${base}/orgs/${IDS.org}/workspaces/${IDS.production}/hosted-services?search=${encodeURIComponent(term)}&limit=25`;

    const once = async (term: string) => {
      const start = performance.now();
      const res = await fetch(url(term), { headers });
      const body = (await res.json()) as { total: number };
      const ms = performance.now() - start;
      if (res.status !== 200) throw new Error(`search failed: ${res.status} ${JSON.stringify(body)}`);
      return { ms, total: body.total };
    };

    for (let i = 0; i < 100; i++) await once(TERMS[i % TERMS.length]!);
    await platform.flush(); // let the seed's state write finish before measuring

    const times: number[] = [];
    const totals = new Map<string, number>();
    for (let i = 0; i < REQUESTS; i++) {
      const term = TERMS[i % TERMS.length]!;
      const { ms, total } = await once(term);
      times.push(ms);
      totals.set(term, total);
    }
    times.sort((a, b) => a - b);
    const median = percentile(times, 50);
    console.log(`matches per term: ${[...totals].map(([t, n]) => `${JSON.stringify(t)}=${n}`).join(', ')}`);
    console.log(
      `${REQUESTS} sequential searches over ${platform.store.services.size} services: ` +
        `median ${median.toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms, max ${times[times.length - 1]!.toFixed(2)} ms`,
    );
    // The same searches without the per-query result cache (the full scan), in-process.
    platform.store.cacheMatches = false;
    const scan: number[] = [];
    for (let i = 0; i < 200; i++) {
      const term = TERMS[i % TERMS.length]!;
      const start = performance.now();
      platform.store.listServices(IDS.production, { search: term, limit: 25, offset: 0, sort: 'created_at', order: 'desc' });
      scan.push(performance.now() - start);
    }
    platform.store.cacheMatches = true;
    scan.sort((a, b) => a - b);
    console.log(`uncached in-process scan of ${platform.store.services.size} services: median ${percentile(scan, 50).toFixed(2)} ms, p95 ${percentile(scan, 95).toFixed(2)} ms`);
    if (median >= MAX_MEDIAN_MS) {
      console.error(`FAIL: median ${median.toFixed(2)} ms ≥ ${MAX_MEDIAN_MS} ms`);
      return 1;
    }
    console.log(`OK: median < ${MAX_MEDIAN_MS} ms`);
    return 0;
  } finally {
    server.close();
    await platform.flush();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
