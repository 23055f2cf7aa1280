/**
 * The mock platform: a Hono app with real state. `createMockPlatform()` is used
 * in-process by tests (`app.request(...)`) and by main.ts / scripts/bench.ts
 * behind @hono/node-server.
 *
 * Each domain is a sub-app mounted under `/api/v1` (agent deployments under
 * seed 003's own base, `/v1`); what every request needs
 * is middleware here: the request log, CORS (for the origins allowed, if any),
 * the operations this platform serves (its profile, test routes or not), the
 * artificial latency, and the unit of work that writes a request's changes to
 * disk in one transaction before its response leaves. (An operation reads its
 * body itself, once, within its limit: operations.ts, json-body.ts.)
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import * as z from 'zod/mini';
import { activityApi } from '../activity/routes';
import { DEFAULT_AGENT_PHASE_MS } from '../agents/rules';
import { agentsApi } from '../agents/routes';
import { migrateLegacyApiKeys } from '../api-keys/rules';
import { apiKeysApi } from '../api-keys/routes';
import { migrateLegacyPasswords } from '../auth/rules';
import { authApi } from '../auth/routes';
import { connectorOperationsApi } from '../connector-operations/routes';
import { migrateConnectorSecrets } from '../connectors/rules';
import { connectorsApi } from '../connectors/routes';
import { credentialsApi } from '../credentials/routes';
import { DEFAULT_DEPLOY_PHASE_MS } from '../deployments/rules';
import { deploymentsApi } from '../deployments/routes';
import { gatewayApi } from '../gateway/routes';
import { DEFAULT_JOB_RUN_MS } from '../jobs/rules';
import { jobsApi } from '../jobs/routes';
import { organizationsApi } from '../organizations/routes';
import { ringsApi } from '../rings/routes';
import { servicesApi } from '../services/routes';
import { stubsApi } from '../stubs/routes';
import { tokensApi } from '../tokens/routes';
import { trafficApi } from '../traffic/routes';
import { DEFAULT_DRAIN_MS } from '../versions/rules';
import { versionsApi } from '../versions/routes';
import type { MockEnv, MockProfile, Platform } from './context';
import { errorReply } from './errors';
import { describeError, escapeForLog } from './log';
import { buildOpenApi } from './openapi';
import { API_BASE, domainApi, get, post, type DomainApi, type Operation } from './operations';
import { readLegacyState, retireLegacyState, StateDatabase, statePaths } from './persistence';
import { noContent, send } from './replies';
import { loadSigningSecrets, secretsPath } from './secrets';
import { buildSeed } from './seed';
import type { SeedName } from './seed-ids';
import { Store } from './store';
import { DEFAULT_THROTTLE, SignInThrottle, type ThrottleSettings } from './throttle';

export type { MockProfile } from './context';

// Zod's English messages for the contract's un-customised checks (zod/mini loads no locale).
z.config(z.locales.en());

export const API_PREFIX = API_BASE;

export interface MockPlatformOptions {
  /** `MOCK_DATA`: the state's database (persistence.ts for the name rule); omit (or null) for memory only. The signing secrets go beside it (secrets.ts). */
  dataFile?: string | null;
  /** Seed used when there is no state yet, and by reset without a body. */
  seed?: SeedName;
  /** Extra services for the `large` seed (default 10000). */
  seedServices?: number;
  /** Access token lifetime, seconds (default 900). */
  tokenTtl?: number;
  /** Refresh token lifetime, seconds (default 7 days). */
  refreshTtl?: number;
  /** Artificial delay per API request, ms (default 0). */
  latencyMs?: number;
  /** Check every response body against its contract schema (a mismatch is a 500: a bug). Default true. */
  validateResponses?: boolean;
  /** One line per request (method, path, status, duration; never headers, query strings or tokens), escaped. */
  log?: (line: string) => void;
  /** Length of each deployment phase (building, built, deploying), ms (default 2500; `MOCK_DEPLOY_PHASE_MS`). */
  deployPhaseMs?: number;
  /** Length of each phase of an agent service instance (starting, stopping; ready → unhealthy), ms (default 3000; `MOCK_AGENT_PHASE_MS`). */
  agentPhaseMs?: number;
  /** `MOCK_TEST_ROUTES=1`: serve the test routes (`/__test__/*`); otherwise they do not exist. Default false. */
  testRoutes?: boolean;
  /** `MOCK_PROFILE`: `full` (default), or `documented`, where only what the seeds document is served (CONTRACT §11). */
  profile?: MockProfile;
  /** `MOCK_LOGIN_MAX_FAILURES` and `MOCK_LOGIN_WINDOW_S` (throttle.ts); default 10 failures in 300 s. */
  signInThrottle?: ThrottleSettings;
  /** `MOCK_CORS_ORIGINS`: web origins allowed to call the mock directly (default none; the console calls through its own origin's proxy). */
  corsOrigins?: readonly string[];
  /** How long a version replaced by a 100% publish drains before it is archived, ms (default 60000; `MOCK_DRAIN_MS`). */
  drainMs?: number;
  /** How long an async job runs (it is queued for a quarter of that first), ms (default 3000; `MOCK_JOB_RUN_MS`). */
  jobRunMs?: number;
  /** How long the sync gateway takes to answer a call, ms (default 0; `MOCK_GATEWAY_LATENCY_MS`), to see progress states. */
  gatewayLatencyMs?: number;
}

export interface MockPlatform {
  app: Hono<MockEnv>;
  store: Store;
  /** The operations this platform serves (its profile; test routes only in test mode). */
  routes: Operation[];
  options: Required<
    Pick<
      MockPlatformOptions,
      | 'seed'
      | 'seedServices'
      | 'tokenTtl'
      | 'refreshTtl'
      | 'latencyMs'
      | 'validateResponses'
      | 'deployPhaseMs'
      | 'testRoutes'
      | 'profile'
      | 'signInThrottle'
      | 'corsOrigins'
      | 'drainMs'
      | 'jobRunMs'
      | 'gatewayLatencyMs'
      | 'agentPhaseMs'
    >
  >;
  /** Where the state is (null: in memory), its signing secrets, and the JSON state file imported on this start, if any. */
  state: { database: string | null; secrets: string | null; imported: string | null };
  reset(seed?: SeedName): void;
  /** Close the database. Every acknowledged change is on disk already. */
  close(): void;
}

const DOMAINS: DomainApi[] = [
  authApi,
  organizationsApi,
  apiKeysApi,
  ringsApi,
  servicesApi,
  versionsApi,
  trafficApi,
  stubsApi,
  deploymentsApi,
  credentialsApi,
  connectorsApi,
  connectorOperationsApi,
  tokensApi,
  // Before the gateway: `POST …/services/{id}/async/…` is a job submit.
  jobsApi,
  activityApi,
  gatewayApi,
  agentsApi,
];

export const ResetRequest = z.strictObject({ seed: z.optional(z.enum(['demo', 'empty'])) });

/** The mock's own description and the test support route. */
const metaApi = domainApi(
  ['meta'],
  [
    get('/openapi.json', 'openapi', "This mock's OpenAPI 3.1 document (an extension: the mock's own description)", {
      auth: 'none',
      extension: true,
      responses: { 200: { description: 'OpenAPI 3.1 document' } },
      handler: ({ var: { platform } }) => ({ status: 200, body: platform.openapi() }),
    }),
    post(
      '/__test__/reset',
      'testReset',
      'Reset the mock to a seed (test support: only with MOCK_TEST_ROUTES=1, never cross-origin; no auth)',
      {
        tags: ['test'],
        auth: 'none',
        body: ResetRequest,
        bodyOptional: true,
        extension: true,
        testSupport: true,
        responses: { 204: { description: 'Reset' }, 422: { description: 'Validation error' } },
        handler: ({ var: { platform, body } }) => {
          platform.reset(body.seed);
          return noContent();
        },
      },
    ),
  ],
);

const ALL_ROUTES: Operation[] = [...DOMAINS, metaApi].flatMap((d) => d.operations);

/** Every base the platform serves under: `/api/v1`, and seed 003's `/v1`. */
const BASES = [...new Set([...DOMAINS, metaApi].map((d) => d.base))];

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

/** Open (or create) the state: the database, else a JSON state file of an older mock, else the seed; and the signing secrets beside it. */
function openStore(
  dataFile: string | null,
  seed: () => ReturnType<typeof buildSeed>,
): { store: Store; database: string | null; secrets: string | null; imported: string | null } {
  const paths = dataFile ? statePaths(dataFile) : null;
  const db = new StateDatabase(paths?.database ?? null);
  const store = new Store(db);
  try {
    const loaded = store.loadFromDatabase();
    const legacy = !loaded && paths ? readLegacyState(paths.legacyJson) : undefined;
    // An older state hands its signing secrets over to the secrets file, once; then the database forgets them.
    const secretsFile = paths ? secretsPath(paths.database) : null;
    const inDatabase = db.legacySecrets();
    const secrets = loadSigningSecrets(secretsFile, {
      session: inDatabase.session ?? legacy?.jwt_secret,
      serviceToken: inDatabase.serviceToken ?? legacy?.service_token_secret,
    });
    db.eraseLegacySecrets();
    store.jwtSecret = secrets.session;
    store.serviceTokenSecret = secrets.serviceToken;
    if (!loaded) store.load(legacy ?? seed());
    migrateConnectorSecrets(store);
    migrateLegacyApiKeys(store);
    migrateLegacyPasswords(store);
    return {
      store,
      database: paths?.database ?? null,
      secrets: secretsFile,
      imported: legacy && paths ? retireLegacyState(paths.legacyJson) : null,
    };
  } catch (e) {
    store.close();
    throw e;
  }
}

export function createMockPlatform(options: MockPlatformOptions = {}): MockPlatform {
  const opts: MockPlatform['options'] = {
    seed: options.seed ?? 'demo',
    seedServices: options.seedServices ?? 10_000,
    tokenTtl: options.tokenTtl ?? 900,
    refreshTtl: options.refreshTtl ?? 7 * 24 * 3600,
    latencyMs: options.latencyMs ?? 0,
    validateResponses: options.validateResponses ?? true,
    deployPhaseMs: options.deployPhaseMs ?? DEFAULT_DEPLOY_PHASE_MS,
    agentPhaseMs: options.agentPhaseMs ?? DEFAULT_AGENT_PHASE_MS,
    testRoutes: options.testRoutes ?? false,
    profile: options.profile ?? 'full',
    signInThrottle: options.signInThrottle ?? DEFAULT_THROTTLE,
    corsOrigins: options.corsOrigins ?? [],
    drainMs: options.drainMs ?? DEFAULT_DRAIN_MS,
    jobRunMs: options.jobRunMs ?? DEFAULT_JOB_RUN_MS,
    gatewayLatencyMs: options.gatewayLatencyMs ?? 0,
  };
  const seedState = (seed: SeedName) => buildSeed({ seed, extraServices: opts.seedServices });
  const { store, database, secrets, imported } = openStore(options.dataFile ?? null, () => seedState(opts.seed));

  const routes = ALL_ROUTES.filter(servedBy(opts.profile, opts.testRoutes));
  const matchers = routes.map((r) => ({ re: routeRegex(r.base, r.path), method: r.method.toUpperCase() }));

  let openapiDoc: unknown;
  const platform: Platform = {
    store,
    tokens: { accessTtl: opts.tokenTtl, refreshTtl: opts.refreshTtl },
    deployPhaseMs: opts.deployPhaseMs,
    drainMs: opts.drainMs,
    jobRunMs: opts.jobRunMs,
    gatewayLatencyMs: opts.gatewayLatencyMs,
    agentPhaseMs: opts.agentPhaseMs,
    validateResponses: opts.validateResponses,
    profile: opts.profile,
    openapi: () => (openapiDoc ??= buildOpenApi(routes)),
    signInThrottle: new SignInThrottle(opts.signInThrottle),
    // The signing secrets are not state: sessions survive a reset.
    reset: (seed) => store.load(seedState(seed ?? opts.seed)),
    inflight: new Map(),
  };

  const app = new Hono<MockEnv>();

  if (options.log) {
    const log = options.log;
    app.use('*', async (c, next) => {
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
        allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
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
    for (const base of BASES) app.use(`${base}/*`, handler);
  };

  forApi(async (c, next) => {
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    if (matchers.some((m) => m.method === method && m.re.test(c.req.path))) return next();
    return notServed(c);
  });

  if (opts.latencyMs > 0) {
    forApi(async (c, next) => {
      if (!c.req.path.startsWith(`${API_PREFIX}/__test__/`)) await new Promise((r) => setTimeout(r, opts.latencyMs));
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

  for (const d of [...DOMAINS, metaApi]) app.route(d.base, d.app);

  app.notFound(notServed);

  app.onError((err, c) => {
    const r = errorReply(err);
    if (r.status === 500) console.error(`[mock] unexpected error: ${describeError(err)}`);
    return send(c, r);
  });

  return {
    app,
    store,
    routes,
    options: opts,
    state: { database, secrets, imported },
    reset: platform.reset,
    close: () => store.close(),
  };
}
