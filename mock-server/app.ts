/**
 * The mock platform: a Hono app with real state. `createMockPlatform()` is used
 * in-process by tests (`app.request(...)`) and by main.ts / scripts/bench.ts
 * behind @hono/node-server.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode, StatusCode } from 'hono/utils/http-status';
import * as z from 'zod/mini';
import { configureEnglishMessages } from '../src/contract/locale';
import { authenticate, type Principal, type TokenSettings } from './auth';
import { HttpError, forbidden, issue, notFound, validationError, zodToIssues } from './errors';
import { Persister } from './persist';
import { type AnyRoute, type HandlerCtx, type Platform, type Reply } from './route';
import { ROUTES } from './routes';
import { resolveExtraScope } from './scope-extra';
import { buildSeed, type SeedName } from './seed';
import { DEFAULT_DEPLOY_PHASE_MS } from './deployments';
import { sha256, Store, type EndpointRecord, type ServiceRecord, type VersionRecord } from './store';
import type { Organization, Workspace } from '../src/contract/organizations';

export const API_PREFIX = '/api/v1';

export interface MockPlatformOptions {
  /** State file; omit (or null) for memory only. */
  dataFile?: string | null;
  /** Seed used when there is no state file yet, and by reset without a body. */
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
  /** One line per request (method, path, status, duration; never headers or tokens). */
  log?: (line: string) => void;
  /** Coalescing delay for state writes, ms (default 25). */
  persistDebounceMs?: number;
  /** Length of each deployment phase (building, built, deploying), ms (default 2500; `MOCK_DEPLOY_PHASE_MS`). */
  deployPhaseMs?: number;
}

export interface MockPlatform {
  app: Hono;
  store: Store;
  routes: AnyRoute[];
  options: Required<Pick<MockPlatformOptions, 'seed' | 'seedServices' | 'tokenTtl' | 'refreshTtl' | 'latencyMs' | 'validateResponses' | 'deployPhaseMs'>>;
  reset(seed?: SeedName): void;
  /** Write pending state now. */
  flush(): Promise<void>;
  flushSync(): void;
}

const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

/** Canonical JSON: object keys sorted, so key order does not make two bodies differ. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

function parseWith<S extends z.core.$ZodType>(schema: S, data: unknown, where: 'body' | 'query'): z.output<S> {
  let r: z.core.util.SafeParseResult<z.output<S>>;
  try {
    r = z.safeParse(schema, data, { reportInput: true });
  } catch (e) {
    // A recursive schema (JSON Schema in an endpoint) can be nested deeper than the stack: that is the input's fault.
    if (e instanceof RangeError) throw validationError([issue([where], 'The document is nested too deeply', 'value_error')]);
    throw e;
  }
  if (!r.success) throw validationError(zodToIssues(r.error, where));
  return r.data;
}

function send(c: Context, r: Reply): Response {
  for (const [k, v] of Object.entries(r.headers ?? {})) c.header(k, v);
  if (r.text !== undefined) return c.body(r.text, r.status as ContentfulStatusCode);
  if (r.status === 204 || r.body === undefined) return c.body(null, r.status as StatusCode);
  return c.json(r.body as object, r.status as ContentfulStatusCode);
}

function errorResponse(c: Context, e: HttpError): Response {
  for (const [k, v] of Object.entries(e.headers)) c.header(k, v);
  return c.json({ detail: e.detail }, e.status as ContentfulStatusCode);
}

const routeRegex = (path: string) => new RegExp(`^${API_PREFIX}${path.replace(/[.]/g, '\\.').replace(/:[A-Za-z_][A-Za-z0-9_]*(\{[^}]*\})?/g, (_m, re?: string) => (re ? '.+' : '[^/]+'))}$`);

export function createMockPlatform(options: MockPlatformOptions = {}): MockPlatform {
  // The contract is zod/mini, which loads no locale: a 422 reads like FastAPI's only with zod's English messages.
  configureEnglishMessages();
  const opts: MockPlatform['options'] = {
    seed: options.seed ?? 'demo',
    seedServices: options.seedServices ?? 10_000,
    tokenTtl: options.tokenTtl ?? 900,
    refreshTtl: options.refreshTtl ?? 7 * 24 * 3600,
    latencyMs: options.latencyMs ?? 0,
    validateResponses: options.validateResponses ?? true,
    deployPhaseMs: options.deployPhaseMs ?? DEFAULT_DEPLOY_PHASE_MS,
  };
  const tokens: TokenSettings = { accessTtl: opts.tokenTtl, refreshTtl: opts.refreshTtl };
  const store = new Store();
  const persister = options.dataFile ? new Persister(options.dataFile, () => store.dump(), options.persistDebounceMs) : undefined;

  const seedState = (seed: SeedName, jwtSecret?: string) =>
    buildSeed({ seed, extraServices: opts.seedServices, ...(jwtSecret ? { jwtSecret } : {}) });

  const existing = persister?.read();
  store.load(existing ?? seedState(opts.seed));
  store.onChange = () => persister?.schedule();
  if (!existing) store.changed();

  const reset = (seed?: SeedName) => {
    // Keep the signing secret so sessions survive a reset (user IDs are stable).
    store.load(seedState(seed ?? opts.seed, store.jwtSecret));
    store.changed();
  };
  const platform: Platform = { store, tokens, reset, deployPhaseMs: opts.deployPhaseMs };

  const app = new Hono();

  if (options.log) {
    const log = options.log;
    app.use('*', async (c, next) => {
      const t0 = performance.now();
      await next();
      log(`${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - t0).toFixed(1)}ms`);
    });
  }

  app.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
      exposeHeaders: ['X-Service-Version', 'Content-Disposition', 'WWW-Authenticate', 'Retry-After', 'Location', 'Idempotent-Replayed'],
      maxAge: 600,
    }),
  );

  app.use(
    `${API_PREFIX}/*`,
    bodyLimit({ maxSize: 1024 * 1024, onError: (c) => c.json({ detail: 'Request body too large' }, 413) }),
  );

  if (opts.latencyMs > 0) {
    app.use(`${API_PREFIX}/*`, async (c, next) => {
      if (!c.req.path.startsWith(`${API_PREFIX}/__test__/`)) await new Promise((r) => setTimeout(r, opts.latencyMs));
      await next();
    });
  }

  async function readBody(c: Context, route: AnyRoute): Promise<unknown> {
    const text = await c.req.text();
    if (text.trim() === '') {
      if (route.bodyOptional) return {};
      throw validationError([issue(['body'], 'Field required', 'missing')]);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      // Only the position: V8's message can quote part of the body, which may be a secret.
      const at = e instanceof Error ? /position (\d+)/.exec(e.message)?.[1] : undefined;
      throw validationError([issue(['body'], at === undefined ? 'JSON decode error' : `JSON decode error at position ${at}`, 'json_invalid')]);
    }
  }

  function resolveScope(params: Record<string, string>, principal: Principal | undefined) {
    let org: Organization | undefined;
    let workspace: Workspace | undefined;
    let service: ServiceRecord | undefined;
    let version: VersionRecord | undefined;
    let endpoint: EndpointRecord | undefined;
    if (params.org_id !== undefined) {
      const thing = params.workspace_id !== undefined ? 'Workspace' : 'Organization';
      // Users see only their own organization; anything else is "not found".
      if (!principal || params.org_id !== principal.user.org_id) throw notFound(thing);
      org = store.organizations.get(params.org_id);
      if (!org) throw notFound(thing);
    }
    if (params.workspace_id !== undefined) {
      workspace = org ? store.workspaceIn(org.id, params.workspace_id) : undefined;
      if (!workspace) throw notFound('Workspace');
    }
    if (params.service_id !== undefined) {
      service = workspace ? store.serviceIn(workspace.id, params.service_id) : undefined;
      if (!service) throw notFound('Service');
    }
    if (params.version_id !== undefined) {
      version = service ? store.versionIn(service.id, params.version_id) : undefined;
      if (!version) throw notFound('Version');
    }
    if (params.endpoint_id !== undefined) {
      endpoint = service ? store.endpointIn(service.id, params.endpoint_id) : undefined;
      if (!endpoint) throw notFound('Endpoint');
    }
    return { org, workspace, service, version, endpoint, ...resolveExtraScope(store, params, workspace) };
  }

  async function runIdempotent(c: Context, principal: Principal | undefined, raw: unknown, run: () => Promise<Reply>): Promise<Reply> {
    const key = c.req.header('idempotency-key');
    if (key === undefined || !principal) return run();
    if (key.length < 1 || key.length > 255) {
      throw validationError([issue(['header', 'Idempotency-Key'], 'Idempotency-Key must be 1 to 255 characters', 'value_error')]);
    }
    store.purgeIdempotency(IDEMPOTENCY_TTL_MS);
    // The query string is part of the request: deploy and deploy?build=false are different requests.
    const id = sha256(`${principal.user.id}\n${c.req.method} ${c.req.url.slice(c.req.url.indexOf(c.req.path))}\n${key}`);
    const bodyHash = sha256(canonicalJson(raw));
    const prior = store.idempotency.get(id);
    if (prior) {
      if (prior.body_sha256 !== bodyHash) throw new HttpError(422, 'Idempotency-Key was already used with a different request body');
      return { status: prior.status, body: prior.body, headers: { 'Idempotent-Replayed': 'true' } };
    }
    const result = await run();
    // Like Stripe: only a request that did its work is remembered; a rejected one may be retried with the key.
    if (result.status >= 200 && result.status < 300) {
      store.idempotency.set(id, { key: id, body_sha256: bodyHash, status: result.status, body: result.body, created_at: Date.now() });
      store.changed();
    }
    return result;
  }

  async function dispatch(route: AnyRoute, c: Context): Promise<Response> {
    const params = c.req.param() as Record<string, string>;
    const principal = route.auth === 'bearer' ? await authenticate(store, c.req.header('authorization')) : undefined;
    // The gateway (service tokens) resolves its own parameters.
    const scope = resolveScope(route.auth === 'service-token' ? {} : params, principal);
    if (route.roles && principal && !route.roles.includes(principal.user.role)) {
      throw forbidden(`Your role (${principal.user.role}) cannot ${route.action ?? 'do this'}`);
    }
    let query: unknown;
    if (route.query) {
      const raw: Record<string, string> = {};
      for (const [k, v] of Object.entries(c.req.queries())) if (v[0] !== undefined) raw[k] = v[0];
      query = parseWith(route.query, raw, 'query');
    }
    let rawBody: unknown;
    let body: unknown;
    if (route.body) {
      rawBody = await readBody(c, route);
      body = parseWith(route.body, rawBody, 'body');
    }
    const ctx: HandlerCtx<unknown, unknown> = { c, platform, store, principal, params, body, query, ...scope };
    const run = async () => {
      const r = await route.handler(ctx as Parameters<AnyRoute['handler']>[0]);
      if (opts.validateResponses) {
        const schema = route.responses[r.status]?.schema;
        if (!route.responses[r.status]) throw new Error(`${route.operationId}: undocumented status ${r.status}`);
        if (schema) {
          const check = z.safeParse(schema, r.body);
          if (!check.success) throw new Error(`${route.operationId}: response does not match its schema: ${check.error.message}`);
        }
      }
      return r;
    };
    const result = route.idempotent ? await runIdempotent(c, principal, rawBody, run) : await run();
    return send(c, result);
  }

  for (const route of ROUTES) {
    app.on(route.method.toUpperCase(), `${API_PREFIX}${route.path}`, (c) => dispatch(route, c));
  }

  const matchers = ROUTES.map((r) => ({ re: routeRegex(r.path), method: r.method.toUpperCase() }));
  app.notFound((c) => {
    const allowed = matchers.filter((m) => m.re.test(c.req.path)).map((m) => m.method);
    if (allowed.length) {
      c.header('Allow', [...new Set(allowed)].join(', '));
      return c.json({ detail: 'Method Not Allowed' }, 405);
    }
    return c.json({ detail: 'Not Found' }, 404);
  });

  app.onError((err, c) => {
    if (err instanceof HttpError) return errorResponse(c, err);
    if (err instanceof HTTPException) {
      const status = err.status;
      return c.json({ detail: err.message || 'Error' }, status as ContentfulStatusCode);
    }
    console.error('[mock] unexpected error:', err);
    return c.json({ detail: 'Internal Server Error' }, 500);
  });

  return {
    app,
    store,
    routes: ROUTES,
    options: opts,
    reset,
    flush: async () => {
      await persister?.flush();
    },
    flushSync: () => persister?.flushSync(),
  };
}
