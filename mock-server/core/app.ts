/**
 * The mock platform assembled from a list of domains (`composePlatform`): a
 * Hono app with real state. The composition root (mock-server/platform.ts)
 * lists the domains and calls this; core knows none of them. What a domain
 * adds (core/domain.ts) is registered here — its collections and queries on
 * the store, its seed, its settings, its scope resolvers and auth hooks, its
 * sub-apps (mounted in the order listed, then the platform's own: meta.ts) and
 * its part of the OpenAPI document.
 *
 * Each domain's sub-app is mounted under its base (`/api/v1`; agent
 * deployments under seed 003's own, `/v1`); what every request needs is
 * middleware here: the request log, CORS (for the origins allowed, if any),
 * the operations this platform serves (its profile, test routes or not), the
 * artificial latency, and the unit of work that writes a request's changes to
 * disk in one transaction before its response leaves. (An operation reads its
 * body itself, once, within its limit: operations.ts, json-body.ts.)
 */
import { compress } from 'hono/compress';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import * as z from 'zod/mini';
import { Clock } from './clock';
import type { AuthHooks, MockEnv, MockProfile, ParamDoc, Platform, Registry, ScopeResolver, Settings } from './context';
import type { MockDomain, Running } from './domain';
import { errorReply } from './errors';
import { describeError, escapeForLog } from './log';
import { platformDomain } from './meta';
import { buildOpenApi } from './openapi';
import { API_BASE, type Operation } from './operations';
import { StateDatabase } from './persistence';
import { send } from './replies';
import { loadSigningSecrets, secretsPath } from './secrets';
import { buildSeed } from './seed';
import type { SeedName } from './seed-ids';
import { StoreCore, type CollectionSpec, type Store } from './store';
import { REAL_WALL, type Wall } from './wall';

// Zod's English messages for the contract's un-customised checks (zod/mini loads no locale).
z.config(z.locales.en());

/** The `env` of a request the platform sends itself, in process (`app.fetch(request, SELF_CALL)`): served as any, not logged. */
export const SELF_CALL = { selfCall: true } as const;

/** The options every platform takes, whatever its domains. */
export interface CoreOptions {
  /** `MOCK_DATA`: the state's database (persistence.ts); omit (or null) for memory only. The signing secrets go beside it (secrets.ts). */
  dataFile?: string | null;
  /** Seed used when there is no state yet, and by reset without a body. */
  seed?: SeedName;
  /** Extra services for the `large` seed (default 10000). */
  seedServices?: number;
  /** Artificial delay per API request, ms (default 0). */
  latencyMs?: number;
  /** Check every response body against its contract schema (a mismatch is a 500: a bug). Default true. */
  validateResponses?: boolean;
  /** One line per request (method, path, status, duration; never headers, query strings or tokens), escaped. */
  log?: (line: string) => void;
  /** `MOCK_TEST_ROUTES=1`: serve the test routes (`/__test__/*`); otherwise they do not exist. Default false. */
  testRoutes?: boolean;
  /** `MOCK_PROFILE`: `full` (default), or `documented`, where only what the seeds document is served (CONTRACT §11). */
  profile?: MockProfile;
  /** `MOCK_CORS_ORIGINS`: web origins allowed to call the mock directly (default none; the console calls through its own origin's proxy). */
  corsOrigins?: readonly string[];
  /** What latency waits and request durations read (wall.ts): real time unless a test gives its own. */
  wall?: Wall;
}

/** The core options, and each domain's settings (context.ts `Settings`: `deployPhaseMs`, `tokenTtl`…), which override their defaults. */
export type MockPlatformOptions = CoreOptions & Partial<Settings>;

export interface MockPlatform {
  app: Hono<MockEnv>;
  store: Store;
  /** The one clock every time-driven behaviour reads (clock.ts); tests move it with `advance(ms)`. */
  clock: Clock;
  /** The operations this platform serves (its profile; test routes only in test mode). */
  routes: Operation[];
  /** The options in force: the core ones and every domain's settings, defaults filled in. */
  options: Required<Omit<CoreOptions, 'dataFile' | 'log' | 'wall'>> & Settings;
  /** Where the state is (null: in memory) and its signing secrets. */
  state: { database: string | null; secrets: string | null };
  reset(seed?: SeedName): void;
  /** Stop what the domains run in the background and close the database. Every acknowledged change is on disk already; telemetry held for a moment (request records) is written now. */
  close(): void;
}

const routeRegex = (base: string, path: string) =>
  new RegExp(
    `^${base}${path.replace(/[.]/g, '\\.').replace(/:[A-Za-z_][A-Za-z0-9_]*(\{[^}]*\})?/g, (_m, re?: string) => (re ? '.+' : '[^/]+'))}$`,
  );

/**
 * What a platform serves: in the documented profile no extension; test routes
 * only in test mode, and then in either profile (they are the tests' handle on
 * the mock, not part of the platform: the documented e2e project resets its mock too).
 */
function servedBy(profile: MockProfile, testRoutes: boolean): (op: Operation) => boolean {
  return (op) => (op.testSupport ? testRoutes : profile === 'full' || !op.extension);
}

/** One name registered by two domains is a mistake at the root: say which. */
function claim(seen: Map<string, string>, what: string, name: string, domain: string): void {
  const other = seen.get(name);
  if (other !== undefined) throw new Error(`The ${other} and ${domain} domains both register the ${what} ${name}`);
  seen.set(name, domain);
}

/** Every domain's settings, defaults first, then the options of the same names. */
function settingsOf(domains: readonly MockDomain[], options: Partial<Settings>): Settings {
  const defaults: Record<string, unknown> = {};
  const seen = new Map<string, string>();
  for (const d of domains) {
    for (const [name, value] of Object.entries(d.settings ?? {})) {
      claim(seen, 'setting', name, d.name);
      defaults[name] = value;
    }
  }
  const given = options as Record<string, unknown>;
  for (const name of Object.keys(defaults)) if (given[name] !== undefined) defaults[name] = given[name];
  return defaults as unknown as Settings;
}

/** What the domains registered that core reads at request time, and their parts of the OpenAPI document. */
function registryOf(domains: readonly MockDomain[]): Registry & { params: Map<string, ParamDoc>; things: Map<string, string> } {
  const scope = new Map<string, ScopeResolver>();
  const params = new Map<string, ParamDoc>();
  const things = new Map<string, string>();
  const auth: AuthHooks[] = [];
  const seen = new Map<string, string>();
  for (const d of domains) {
    for (const [name, resolver] of Object.entries(d.scope ?? {}) as [string, ScopeResolver][]) {
      claim(seen, 'path parameter', name, d.name);
      scope.set(name, resolver);
      things.set(name, resolver.thing);
      if (resolver.doc) params.set(name, resolver.doc);
    }
    for (const [name, doc] of Object.entries(d.openapi?.params ?? {})) {
      const other = params.get(name);
      if (other !== undefined && other !== doc) throw new Error(`Two domains document the path parameter ${name} differently`);
      params.set(name, doc);
    }
    if (d.auth) auth.push(d.auth);
  }
  if (auth.filter((a) => a.user).length !== 1) throw new Error('Exactly one domain says who an access token is (auth.user)');
  return { scope, auth, params, things };
}

/** The store with every domain's collections and queries, on the database. */
function storeOf(domains: readonly MockDomain[], db: StateDatabase, clock: Clock): Store {
  const core = new StoreCore(db, clock);
  for (const d of domains) {
    for (const [name, spec] of Object.entries(d.collections ?? {})) core.register(name, spec as CollectionSpec<never, string>);
  }
  core.checkOwners();
  for (const d of domains) if (d.tables) core.ownTables(d.tables);
  const store = core as Store;
  for (const d of domains) if (d.queries) store.extend(d.queries(store));
  return store;
}

/**
 * A platform of these domains (listed once, at the root: mock-server/platform.ts),
 * whose state carries `stateVersion` (persistence.ts).
 */
export function composePlatform(listed: readonly MockDomain[], stateVersion: number, options: MockPlatformOptions = {}): MockPlatform {
  const domains: readonly MockDomain[] = [...listed, platformDomain];
  const opts: Required<Omit<CoreOptions, 'dataFile' | 'log' | 'wall'>> = {
    seed: options.seed ?? 'demo',
    seedServices: options.seedServices ?? 10_000,
    latencyMs: options.latencyMs ?? 0,
    validateResponses: options.validateResponses ?? true,
    testRoutes: options.testRoutes ?? false,
    profile: options.profile ?? 'full',
    corsOrigins: options.corsOrigins ?? [],
  };
  const settings = settingsOf(domains, options);
  const registry = registryOf(domains);
  const apis = domains.flatMap((d) => d.apis ?? []);

  const clock = new Clock();
  const dataFile = options.dataFile ?? null;
  const db = new StateDatabase(dataFile, stateVersion);
  let store: Store;
  const secretsFile = dataFile ? secretsPath(dataFile) : null;
  const seedState = (seed: SeedName) => buildSeed(domains, { seed, extraServices: opts.seedServices, now: clock.now() });
  /** Load a seed, then let the domains fill what they keep outside their collections (their own tables). */
  const loadSeed = (seed: SeedName) => {
    store.load(seed, seedState(seed));
    for (const d of domains) d.afterSeed?.({ store, settings, name: seed });
  };
  try {
    store = storeOf(domains, db, clock);
    const secrets = loadSigningSecrets(secretsFile);
    store.jwtSecret = secrets.session;
    store.serviceTokenSecret = secrets.serviceToken;
    if (!store.loadFromDatabase()) loadSeed(opts.seed);
  } catch (e) {
    db.close();
    throw e;
  }

  const routes = apis.flatMap((d) => d.operations).filter(servedBy(opts.profile, opts.testRoutes));
  const matchers = routes.map((r) => ({ re: routeRegex(r.base, r.path), method: r.method.toUpperCase() }));
  /** Every base the platform serves under: `/api/v1`, and seed 003's `/v1`. */
  const bases = [...new Set(apis.map((d) => d.base))];

  let openapiDoc: unknown;
  const platform: Platform = {
    store,
    clock,
    wall: options.wall ?? REAL_WALL,
    settings,
    validateResponses: opts.validateResponses,
    profile: opts.profile,
    openapi: () =>
      (openapiDoc ??= buildOpenApi(routes, {
        schemas: domains.flatMap((d) => d.openapi?.schemas ?? []),
        params: registry.params,
        things: registry.things,
      })),
    // The signing secrets are not state: sessions survive a reset. So does the clock: it never goes back.
    reset: (seed) => loadSeed(seed ?? opts.seed),
    inflight: new Map(),
    registry: { scope: registry.scope, auth: registry.auth },
  };

  const app = new Hono<MockEnv>();
  // Every answer's Date is the platform's clock, as a platform's own time: the console reads countdowns (a
  // rollout's next step) against it, so they stay right when tests move the clock (or a browser's is off).
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('Date', new Date(clock.now()).toUTCString());
  });
  // JSON compressed, as a platform's gateway serves it: a list's answer is a tenth of its size on a slow network.
  // Never an event stream: a compressor holds its events back until its buffer fills.
  const compressed = compress();
  app.use('*', (c, next) => (c.req.header('Accept')?.includes('text/event-stream') ? next() : compressed(c, next)));

  if (options.log) {
    const log = options.log;
    app.use('*', async (c, next) => {
      // What the platform sends itself (a domain's synthetic traffic, `app.fetch(request, SELF_CALL)`) is not logged line by line.
      if ((c.env as { selfCall?: boolean } | undefined)?.selfCall) return next();
      const t0 = performance.now();
      await next();
      // The path as sent (still percent-encoded), escaped: what a caller writes cannot start a line of its own.
      log(
        `${escapeForLog(c.req.method)} ${escapeForLog(new URL(c.req.url).pathname)} ${c.res.status} ${(performance.now() - t0).toFixed(1)}ms`,
      );
    });
  }

  // No `Access-Control-Allow-Origin: *`: the console reaches the mock through its own origin's proxy.
  if (opts.corsOrigins.length) {
    const allowed = new Set(opts.corsOrigins);
    app.use(
      '*',
      cors({
        origin: (origin) => (allowed.has(origin) ? origin : null),
        allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
        // Last-Event-ID resumes a request stream; the X-Mock-* knobs shape a gateway call (docs/mock.md).
        allowHeaders: [
          'Authorization',
          'Content-Type',
          'Idempotency-Key',
          'X-Request-Id',
          'Last-Event-ID',
          'X-Mock-Status',
          'X-Mock-Latency-Ms',
        ],
        exposeHeaders: [
          'X-Service-Version',
          'X-Request-Id',
          'Content-Disposition',
          'WWW-Authenticate',
          'Retry-After',
          'Location',
          'Idempotent-Replayed',
        ],
        maxAge: 600,
      }),
    );
  }

  /** 405 with `Allow` when the path is served with other methods; else a plain 404. */
  const notServed = (c: Context) => {
    const allowed = matchers.filter((m) => m.re.test(c.req.path)).map((m) => m.method);
    if (allowed.length) {
      c.header('Allow', [...new Set(allowed)].join(', '));
      return c.json({ detail: 'Method Not Allowed' }, 405);
    }
    return c.json({ detail: 'Not Found' }, 404);
  };

  // Only what this platform serves: an extension in the documented profile, or a test route outside test mode, does not exist.
  /** Middleware for every API request, under each base. */
  const forApi = (handler: MiddlewareHandler<MockEnv>) => {
    for (const base of bases) app.use(`${base}/*`, handler);
  };

  forApi(async (c, next) => {
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    if (matchers.some((m) => m.method === method && m.re.test(c.req.path))) return next();
    return notServed(c);
  });

  if (opts.latencyMs > 0) {
    forApi(async (c, next) => {
      if (!c.req.path.startsWith(`${API_BASE}/__test__/`)) await platform.wall.sleep(opts.latencyMs);
      await next();
    });
  }

  // One unit of work per request: its changes are on disk before its response leaves.
  forApi(async (c, next) => {
    c.set('platform', platform);
    c.set('store', store);
    try {
      await store.unitOfWork(() => next());
    } catch (e) {
      console.error(`[mock] could not save the change: ${describeError(e)}`);
      c.res = undefined;
      c.res = send(c, { status: 500, body: { detail: 'The change could not be saved' } });
    }
  });

  for (const d of apis) app.route(d.base, d.app);

  app.notFound(notServed);

  app.onError((err, c) => {
    const r = errorReply(err);
    if (r.status === 500) console.error(`[mock] unexpected error: ${describeError(err)}`);
    return send(c, r);
  });

  // What the domains run in the background (a flush timer, synthetic traffic), once everything above is in place.
  const running: Running[] = [];
  for (const d of domains) {
    const r = d.start?.({ app, store, clock, settings });
    if (r) running.push(r);
  }
  let closed = false;

  return {
    app,
    store,
    clock,
    routes,
    options: { ...opts, ...settings },
    state: { database: dataFile, secrets: secretsFile },
    reset: platform.reset,
    close: () => {
      if (closed) return;
      closed = true;
      try {
        for (const r of running.splice(0).reverse()) r.stop();
      } finally {
        store.close();
      }
    },
  };
}
