/**
 * The first-load budget, measured as a browser loads the services list:
 *
 * 1. Size. The built console (`dist/`, served by `vite preview`) against a mock platform on a temporary
 *    database, both on free ports; a demo developer signed in through the API, the session in
 *    sessionStorage as the console keeps it. Chromium opens the services list cold (a new context, an
 *    empty cache) and waits until the network is idle; every JavaScript response's body is gzipped
 *    (-9) and summed. Fails above SIZE_BUDGET_KB (120), or if a heavy library (mermaid, shiki,
 *    CodeMirror, a chart library) is among what loaded.
 * 2. Paint. The same page, cold, SIZE_LCP_RUNS (5) times, with 4× CPU slowdown and a slow-4G network
 *    (1.6 Mbps down, 750 kbps up, 150 ms round trip): the largest contentful paint once the list's rows
 *    are visible. Fails if the median is above SIZE_LCP_BUDGET_MS (1500). SIZE_LCP_RUNS=0 skips it.
 *
 * Run it through `npm run size`, which builds first when `dist/` is missing or older than the sources
 * (scripts/ensure-build.ts). SIZE_DIST names another build folder.
 */
import { serve } from '@hono/node-server';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { preview } from 'vite';
import { DEMO_PASSWORD, DEMO_USERS } from '../mock-server/auth/seed';
import { createMockPlatform } from '../mock-server/platform';
import { IDS } from '../mock-server/core/seed-ids';
import { findChromium } from './browser';
import { CHUNKS_FILE } from './build-report';

const BUDGET_KB = Number(process.env.SIZE_BUDGET_KB ?? 120);
const LCP_BUDGET_MS = Number(process.env.SIZE_LCP_BUDGET_MS ?? 1500);
const LCP_RUNS = Number(process.env.SIZE_LCP_RUNS ?? 5);
const DIST = process.env.SIZE_DIST ?? 'dist';
const SERVICES_PATH = `/orgs/${IDS.org}/workspaces/${IDS.production}/services`;
/** What the first page must never download. */
const HEAVY =
  /node_modules\/(mermaid|@mermaid-js|shiki|@shikijs|@codemirror|codemirror|@lezer|cytoscape|katex|d3|d3-[a-z-]+|recharts|chart\.js|echarts|uplot|victory[a-z-]*)\//;
/** The slow phone: Lighthouse's "slow 4G" network and a 4× slower CPU. */
const SLOW_PHONE = { cpuRate: 4, latencyMs: 150, downKbps: 1600, upKbps: 750 };
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

type Tokens = { access_token: string; refresh_token: string | null; expires_in: number };
type Loaded = { url: string; file: string; type: 'js' | 'css'; bytes: number; gzip: number; depth: number };

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** A mock platform on a temporary database (the demo seed), on a free port. */
async function startMock() {
  const dir = mkdtempSync(join(tmpdir(), 'size-mock-'));
  const platform = createMockPlatform({ dataFile: join(dir, 'state.sqlite'), seed: 'demo' });
  const server = serve({ fetch: platform.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    stop: () => {
      server.close();
      platform.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `vite preview` of the build, forwarding /api and /v1 to the mock (vite.config.ts reads API_TARGET), on a free port. */
async function startPreview(apiTarget: string) {
  process.env.API_TARGET = apiTarget;
  process.env.AGENT_API_TARGET = apiTarget;
  const server = await preview({ logLevel: 'warn', build: { outDir: DIST }, preview: { port: 0, strictPort: true, open: false } });
  const { port } = server.httpServer.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, stop: () => server.close() };
}

async function signIn(api: string): Promise<Tokens> {
  const res = await fetch(`${api}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_USERS.developer, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`Could not sign in at ${api}: ${res.status}`);
  return (await res.json()) as Tokens;
}

type Paint = { lcp: number; element: string; rows: number };
type Instrumented = { __lcp: { time: number; element: string }[]; __painted: Promise<Paint> };

/**
 * A cold browser context (its own empty cache) with the session where the console keeps it, as e2e's
 * signInAs does; and, in the page, the largest contentful paints as they are reported and a promise of
 * the paint once the list's first row is drawn. The page itself says when: a locator polling from
 * outside would take the slow phone's main thread from the page it measures.
 */
async function coldContext(browser: Browser, tokens: Tokens): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // tsx keeps function names with a helper the page does not have.
  await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  await context.addInitScript((t) => {
    sessionStorage.setItem(
      'hs.session',
      JSON.stringify({ accessToken: t.access_token, refreshToken: t.refresh_token, expiresAt: Date.now() + t.expires_in * 1000 }),
    );
    const w = window as unknown as Instrumented;
    w.__lcp = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { element?: Element | null })[]) {
        const el = e.element;
        w.__lcp.push({
          time: e.startTime,
          element: el ? `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"` : '?',
        });
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    // The first service row (a row with a link: the skeleton's have none) and the frame that draws it;
    // then the paint of that frame as the LCP observer reports it — or, if that frame painted nothing
    // larger than before, the LCP reported already (a second later, to be sure none is on its way).
    w.__painted = new Promise<Paint>((resolve) => {
      let drawn = NaN;
      const done = () => {
        const last = w.__lcp[w.__lcp.length - 1];
        resolve({ lcp: last?.time ?? NaN, element: last?.element ?? '(none reported)', rows: drawn });
      };
      new PerformanceObserver((list) => {
        if (list.getEntries().some((e) => e.startTime >= drawn)) setTimeout(done);
      }).observe({ type: 'largest-contentful-paint' });
      const rows = new MutationObserver(() => {
        if (!document.querySelector('table tbody tr a')) return;
        rows.disconnect();
        requestAnimationFrame(() => {
          drawn = performance.now();
          setTimeout(done, 1000);
        });
      });
      rows.observe(document, { childList: true, subtree: true });
    });
  }, tokens);
  return context;
}

/** The list's rows: a link per service (the skeleton's rows have none). */
const rowsVisible = (page: Page) =>
  page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('link') })
    .first()
    .waitFor({ state: 'visible', timeout: 60_000 });

/**
 * The chain of round trips: the document is trip 1; any other request is one trip after the latest
 * trip that had finished when it was sent (it could not start before that answer came back). Measured on
 * a network with the slow phone's round trip, so each wave stands apart.
 */
function watchTrips(cdp: CDPSession) {
  const sent = new Map<string, { url: string; at: number }>();
  const done: { at: number; trip: number }[] = [];
  const tripOf = new Map<string, number>();
  const requests = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (e) => {
    sent.set(e.requestId, { url: e.request.url, at: e.timestamp });
    const before = done.filter((d) => d.at <= e.timestamp).map((d) => d.trip);
    const trip = e.type === 'Document' ? 1 : Math.max(1, ...before) + 1;
    requests.set(e.requestId, trip);
    if (!tripOf.has(e.request.url)) tripOf.set(e.request.url, trip);
  });
  cdp.on('Network.loadingFinished', (e) => {
    const trip = requests.get(e.requestId);
    if (trip !== undefined) done.push({ at: e.timestamp, trip });
  });
  return (url: string) => tripOf.get(url) ?? 0;
}

/** Open the list cold until the network is idle (the slow phone's round trip, no other throttling): every file the browser downloaded. */
async function measureSize(browser: Browser, base: string, tokens: Tokens) {
  const context = await coldContext(browser, tokens);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: SLOW_PHONE.latencyMs,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  const depth = watchTrips(cdp);
  const pending: Promise<Loaded | null>[] = [];
  const api: { url: string; depth: number }[] = [];
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/v1/')) {
      api.push({ url: url.pathname, depth: depth(res.url()) });
      return;
    }
    const contentType = res.headers()['content-type'] ?? '';
    const type = /javascript/.test(contentType) ? 'js' : /css/.test(contentType) ? 'css' : null;
    if (!type) return;
    pending.push(
      res.body().then(
        (body) => ({
          url: res.url(),
          file: url.pathname.slice(1),
          type,
          bytes: body.length,
          gzip: gzipSync(body, { level: 9 }).length,
          depth: depth(res.url()),
        }),
        () => null,
      ),
    );
  });
  await page.goto(base + SERVICES_PATH, { waitUntil: 'networkidle' });
  await rowsVisible(page);
  const loaded = (await Promise.all(pending)).filter((l): l is Loaded => l !== null);
  await context.close();
  return { loaded, api };
}

/** Each request's start and end (ms after the document's), for SIZE_TIMELINE=1. */
function watchTimeline(cdp: CDPSession) {
  const rows = new Map<string, { url: string; start: number; end?: number }>();
  cdp.on('Network.requestWillBeSent', (e) => rows.set(e.requestId, { url: e.request.url, start: e.timestamp }));
  cdp.on('Network.loadingFinished', (e) => {
    const r = rows.get(e.requestId);
    if (r) r.end = e.timestamp;
  });
  return () => {
    const all = [...rows.values()];
    const t0 = Math.min(...all.map((r) => r.start));
    for (const r of all.sort((a, b) => a.start - b.start)) {
      const ms = (t: number | undefined) => (t === undefined ? '   …' : ((t - t0) * 1000).toFixed(0).padStart(5));
      console.log(`    ${ms(r.start)} → ${ms(r.end)} ms  ${new URL(r.url).pathname.replace(/[0-9a-f-]{36}/g, '…')}`);
    }
  };
}

/** One cold load on the slow phone: the LCP (ms) once the rows are visible. */
async function measurePaint(browser: Browser, base: string, tokens: Tokens, timeline = false) {
  const context = await coldContext(browser, tokens);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const printTimeline = timeline ? watchTimeline(cdp) : null;
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: SLOW_PHONE.latencyMs,
    downloadThroughput: (SLOW_PHONE.downKbps * 1000) / 8,
    uploadThroughput: (SLOW_PHONE.upKbps * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_PHONE.cpuRate });
  await page.goto(base + SERVICES_PATH, { waitUntil: 'commit' });
  const paint = await page.evaluate(() => (window as unknown as Instrumented).__painted);
  printTimeline?.();
  await context.close();
  if (Number.isNaN(paint.lcp)) throw new Error('No largest-contentful-paint entry was reported');
  return paint;
}

/** What each loaded file holds, by package, from the build's `.vite/chunks.json` (scripts' share of the pre-minified code). */
function contentsOf(file: string, chunks: Record<string, Record<string, number>>): string {
  const modules = chunks[file];
  if (!modules) return '';
  const byPackage = new Map<string, number>();
  let total = 0;
  for (const [id, n] of Object.entries(modules)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
    const key = m ? m[1]! : id.startsWith('src/') ? id.split('/').slice(0, 2).join('/') : id;
    byPackage.set(key, (byPackage.get(key) ?? 0) + n);
    total += n;
  }
  return [...byPackage]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([k, n]) => `${k} ${Math.round((n / total) * 100)}%`)
    .join(', ');
}

function heavyIn(files: string[], chunks: Record<string, Record<string, number>>): string[] {
  const found = new Set<string>();
  for (const file of files) {
    if (/mermaid|shiki|codemirror|cytoscape|katex/i.test(file)) found.add(file);
    for (const id of Object.keys(chunks[file] ?? {})) {
      const m = HEAVY.exec(id);
      if (m) found.add(`${m[1]} (in ${file})`);
    }
  }
  return [...found];
}

async function main(): Promise<number> {
  const started = performance.now();
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error(`No build in ${DIST}/: run \`npm run build\` first (npm run size does).`);
    return 2;
  }
  const chunksPath = join(DIST, CHUNKS_FILE);
  const chunks = existsSync(chunksPath) ? (JSON.parse(readFileSync(chunksPath, 'utf8')) as Record<string, Record<string, number>>) : {};

  const mock = await startMock();
  const web = await startPreview(mock.url);
  const found = findChromium();
  const browser = await chromium.launch({
    executablePath: found.source === 'playwright' ? undefined : (found.path ?? undefined),
    args: CHROMIUM_ARGS,
  });
  let ok = true;
  try {
    const tokens = await signIn(mock.url);
    const { loaded, api } = await measureSize(browser, web.url, tokens);
    const js = loaded.filter((l) => l.type === 'js').sort((a, b) => b.gzip - a.gzip);
    const css = loaded.filter((l) => l.type === 'css');
    const totalJs = js.reduce((n, l) => n + l.gzip, 0);
    const totalCss = css.reduce((n, l) => n + l.gzip, 0);
    console.log(`The services list, loaded cold until the network is idle (${web.url}${SERVICES_PATH}):\n`);
    console.log(`${'gzip -9'.padStart(9)}  ${'raw'.padStart(9)}  trip  file  (what it holds)`);
    for (const l of js) {
      const holds = contentsOf(l.file.replace(/^\//, ''), chunks);
      console.log(
        `${kb(l.gzip).padStart(9)}  ${kb(l.bytes).padStart(9)}  ${String(l.depth).padStart(4)}  ${l.file}${holds ? `  (${holds})` : ''}`,
      );
    }
    const trips = Math.max(0, ...js.map((l) => l.depth));
    console.log(
      `\nJavaScript: ${kb(totalJs)} gzipped in ${js.length} files, the deepest ${trips} round trips from the document (budget ${BUDGET_KB} KB).`,
    );
    console.log(`CSS: ${kb(totalCss)} gzipped in ${css.length} files.`);
    console.log(
      `API requests: ${api.map((a) => `${a.url.replace(/\/api\/v1/, '').replace(/[0-9a-f-]{36}/g, '…')} (trip ${a.depth})`).join(', ')}`,
    );

    const heavy = heavyIn(
      js.map((l) => l.file),
      chunks,
    );
    if (heavy.length) {
      console.error(`FAIL: heavy libraries on the services list's first load: ${heavy.join(', ')}`);
      ok = false;
    }
    if (totalJs / 1024 > BUDGET_KB) {
      console.error(`FAIL: ${kb(totalJs)} is over the budget of ${BUDGET_KB} KB by ${kb(totalJs - BUDGET_KB * 1024)}`);
      ok = false;
    } else console.log(`OK: ${kb(totalJs)} ≤ ${BUDGET_KB} KB`);

    if (LCP_RUNS > 0) {
      console.log(
        `\nLargest contentful paint, cold, ${SLOW_PHONE.cpuRate}× CPU slowdown, ${SLOW_PHONE.downKbps / 1000} Mbps down / ${SLOW_PHONE.upKbps} kbps up / ${SLOW_PHONE.latencyMs} ms round trip:`,
      );
      const times: number[] = [];
      for (let i = 0; i < LCP_RUNS; i++) {
        const lcp = await measurePaint(browser, web.url, tokens, i === 0 && process.env.SIZE_TIMELINE === '1');
        times.push(lcp.lcp);
        console.log(`  load ${i + 1}: ${lcp.lcp.toFixed(0)} ms  (${lcp.element}; the first row drawn at ${lcp.rows.toFixed(0)} ms)`);
      }
      const m = median(times);
      if (m > LCP_BUDGET_MS) {
        console.error(`FAIL: LCP median ${m.toFixed(0)} ms is over the budget of ${LCP_BUDGET_MS} ms`);
        ok = false;
      } else console.log(`OK: LCP median ${m.toFixed(0)} ms ≤ ${LCP_BUDGET_MS} ms`);
    }
  } finally {
    await browser.close();
    await web.stop();
    mock.stop();
  }
  console.log(`(measured in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return ok ? 0 : 1;
}

// A failure is thrown out of the top-level await: Node prints it and exits with 1.
process.exit(await main());
