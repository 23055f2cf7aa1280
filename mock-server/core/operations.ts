/**
 * An operation: method, path, schemas, statuses and handler, written once.
 * `domainApi()` turns a domain's operations into a Hono sub-app (mounted under
 * `/api/v1` with `app.route()`), each behind the middleware it needs — auth,
 * scope, role, input parsing, idempotency — and openapi.ts documents the same
 * definitions, so routing and documentation cannot drift.
 *
 * Every request is parsed with the contract's schemas (a mismatch is a 422 in
 * the FastAPI shape) and every response is checked against the schema of its
 * status (a mismatch, or an undocumented status, is a 500: a bug), and so is
 * every error it answers. A body is read once, after the caller is known
 * (json-body.ts): within the operation's limit (413), JSON only (415), nested
 * at most 64 deep. Handlers receive the resolved scope typed from their path:
 * an operation on `…/hosted-services/:service_id` has `c.var.service`.
 */
import { Hono, type Context, type Handler, type MiddlewareHandler } from 'hono';
import type { H } from 'hono/types';
import * as z from 'zod/mini';
import type { Scope } from '../../src/contract/paths';
import { authenticate, authenticateWithApiKey, authorize, type Access } from './auth';
import type { GatewayCaller, MockEnv, Platform, Principal, ScopeParam, ScopeParams } from './context';
import { extensionParamsOf, isExtension } from './extensions';
import { forbidden, HttpError, issue, validationError, zodToIssues, type Where } from './errors';
import { idempotency, type ShownOnce } from './idempotency';
import { BODY_LIMIT, readJsonBody, type BodyLimit } from './json-body';
import { escapeForLog } from './log';
import { send, type Reply } from './replies';
import { resolveScope } from './scope';
import type { Store } from './store';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** Where the platform's API lives; a domain may live at another base (seed 003's agent deployments: `/v1`). */
export const API_BASE = '/api/v1';
/** A contract schema, classic or mini: only what zod core offers is used. */
export type Schema = z.core.$ZodType;
/**
 * `none` for login, refresh, api-key exchange, openapi.json and test routes;
 * `gateway` for the service gateway and its jobs: the caller's own access token
 * or a service token minted for the service, identified (and the path's scope
 * resolved) by the domain's `before` middleware, which sets `c.var.caller`.
 */
export type Auth = 'bearer' | 'none' | 'gateway';

type Out<S> = S extends Schema ? z.output<S> : undefined;

/** The contract's path builders with Hono placeholders for the scope. */
const AT: Scope = { orgId: ':org_id', workspaceId: ':workspace_id' };
const WORKSPACE = '/orgs/:org_id/workspaces/:workspace_id';

/**
 * A Hono path relative to `/api/v1` (its literal type gives the handler its
 * scope), checked against the contract's builder: the two must agree.
 */
export function apiPath<const P extends string>(path: P, fromContract: string): P {
  const contract = decodeURIComponent(fromContract);
  if (contract !== path) throw new Error(`The mock's path ${path} is not the contract's ${contract}`);
  return path;
}

/** A path in a workspace (the contract's `Scope`): `workspacePath('/connectors', paths.connectorTypes)`. */
export function workspacePath<const S extends string>(suffix: S, build: (scope: Scope) => string): `${typeof WORKSPACE}${S}` {
  return apiPath(`${WORKSPACE}${suffix}`, build(AT));
}

export interface ResponseSpec {
  description: string;
  schema?: Schema;
  /** A non-JSON response: its media type (documented with a string schema). */
  contentType?: string;
}

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
/** The scope a path resolves (context.ts `ScopeParams`, which the domains declare): `…/:service_id` → `{ org, workspace, service }`. */
export type ScopeOf<P extends string> = {
  [N in ParamNames<P> & ScopeParam as ScopeParams[N] extends { var: infer V extends string } ? V : never]: ScopeParams[N] extends {
    value: infer T;
  }
    ? T
    : never;
};

export type OperationContext<P extends string, A extends Auth, B, Q> = Context<{
  Variables: { platform: Platform; store: Store; body: Out<B>; query: Out<Q> } & (A extends 'bearer'
    ? { principal: Principal } & ScopeOf<P>
    : A extends 'gateway'
      ? { caller: GatewayCaller } & ScopeOf<P>
      : object);
}>;

export interface OperationSpec<P extends string, A extends Auth, B extends Schema | undefined, Q extends Schema | undefined> {
  method: Method;
  /** Relative to `/api/v1`, from `apiPath()`, `workspacePath()` or `servicePath()` (services/paths.ts). */
  path: P;
  operationId: string;
  summary: string;
  /** Default: the domain's. */
  tags?: readonly string[];
  /** Default: `bearer`. */
  auth?: A;
  /** Who may (others get 403 "Your role (x) cannot <action>"); default: every signed-in role. */
  allow?: Access;
  /**
   * Middleware around everything else the operation does (outermost): it sees
   * the operation's final answer whatever it is — a 401, a 422, a 500 the
   * checks made of an undocumented error (a request log records every call this way).
   */
  around?: MiddlewareHandler<MockEnv>[];
  /** The domain's own middleware, after auth and before the body, input parsing and idempotency (auth `gateway`: it identifies the caller). */
  before?: MiddlewareHandler<MockEnv>[];
  /** The JSON body it takes (any method but GET); without one, a body sent is checked (size, type) and ignored. */
  body?: B;
  /** The body may be absent (treated as `{}`). */
  bodyOptional?: boolean;
  /** How much of a body it reads (default `BODY_LIMIT`, 1 MiB): beyond, a 413 with the limit's `detail`. */
  bodyLimit?: BodyLimit;
  query?: Q;
  /** Honour `Idempotency-Key` (CONTRACT §1): replay the first success, or (ShownOnce) refuse a repeat. */
  idempotent?: true | ShownOnce;
  /** With `idempotent`: a request without the header is a 422 at `["header","Idempotency-Key"]` (seed 003). */
  idempotencyKeyRequired?: boolean;
  /** Also take another bearer credential than an access token (`AuthHooks.bearer`: an organization API key, `fl_…`), as seed 003's agent API does. */
  apiKeyBearer?: boolean;
  /** Test support: served only when the mock is started for tests (`MOCK_TEST_ROUTES=1`), and never cross-origin. */
  testSupport?: boolean;
  /** Hidden from the OpenAPI document. */
  internal?: boolean;
  responses: Record<number, ResponseSpec>;
  handler: (c: OperationContext<P, A, B, Q>) => Reply | Promise<Reply>;
}

type AnySpec = OperationSpec<string, Auth, Schema | undefined, Schema | undefined>;
/**
 * An operation as served and documented: its defaults filled in, the base its
 * path is relative to, and whether it is an extension beyond the seeds
 * (CONTRACT §11), as the contract's registry says (extensions.ts): marked
 * `x-extension` in the OpenAPI document, absent (a plain 404) when the mock
 * runs with `MOCK_PROFILE=documented`, which ignores its extension query parameters.
 */
export type Operation = AnySpec & {
  tags: readonly string[];
  auth: Auth;
  base: string;
  extension: boolean;
  extensionParams: ReadonlySet<string>;
};

export function operation<
  const P extends string,
  A extends Auth = 'bearer',
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
>(spec: OperationSpec<P, A, B, Q>): AnySpec {
  return spec as unknown as AnySpec;
}

type Rest<P extends string, A extends Auth, B extends Schema | undefined, Q extends Schema | undefined> = Omit<
  OperationSpec<P, A, B, Q>,
  'method' | 'path' | 'operationId' | 'summary'
>;

/** `get(path, operationId, summary, { responses, handler, … })`: an operation written the way Hono routes read. */
function verb(method: Method) {
  return <
    const P extends string,
    A extends Auth = 'bearer',
    B extends Schema | undefined = undefined,
    Q extends Schema | undefined = undefined,
  >(
    path: P,
    operationId: string,
    summary: string,
    rest: Rest<P, A, B, Q>,
  ): AnySpec => operation<P, A, B, Q>({ ...rest, method, path, operationId, summary });
}
export const get = verb('get');
export const post = verb('post');
export const put = verb('put');
export const del = verb('delete');

/** A domain's operations: the Hono sub-app that serves them (mounted at `base`), and their definitions for the OpenAPI document. */
export interface DomainApi {
  readonly app: Hono<MockEnv>;
  readonly operations: readonly Operation[];
  readonly base: string;
}

/** A domain's operations (tagged `tags` unless they say otherwise) as a sub-app, served under `base` (default `/api/v1`). */
export function domainApi(tags: readonly string[], specs: AnySpec[], base: string = API_BASE): DomainApi {
  const operations: Operation[] = specs.map((spec) => {
    const op = { ...spec, tags: spec.tags ?? tags, auth: spec.auth ?? 'bearer', base };
    return { ...op, extension: isExtension(op), extensionParams: extensionParamsOf(op) };
  });
  const app = new Hono<MockEnv>();
  for (const op of operations) {
    const [first, ...rest]: H<MockEnv>[] = [...middlewareOf(op), handlerOf(op)];
    app.on(op.method.toUpperCase(), op.path, first!, ...rest);
  }
  return { app, operations, base };
}

function middlewareOf(op: Operation): MiddlewareHandler<MockEnv>[] {
  const chain: MiddlewareHandler<MockEnv>[] = [...(op.around ?? []), documentedErrorsOnly(op)];
  if (op.testSupport) chain.push(sameOriginOnly);
  if (op.auth === 'bearer') chain.push(op.apiKeyBearer ? authenticateWithApiKey : authenticate, resolveScope(op.path));
  if (op.before) chain.push(...op.before);
  if (op.allow) chain.push(authorize(op.allow));
  if (op.method !== 'get') chain.push(readBody(op));
  if (op.query || op.body) chain.push(parseInput(op));
  if (op.idempotent)
    chain.push(idempotency(op.idempotent === true ? undefined : op.idempotent, { required: op.idempotencyKeyRequired ?? false }));
  return chain;
}

/** Statuses every operation of a kind may answer, whether or not it lists them (openapi.ts documents them too). */
const E415 = {
  description: 'A request body that is not JSON: its Content-Type must be application/json (a request without a body needs none)',
};
const E500 = { description: 'The change could not be saved, or a bug in the mock' };
/** `1 MiB`, `64 KiB`: a body limit as the 413 describes it. */
const sizeInWords = (bytes: number) => (bytes % 2 ** 20 === 0 ? `${bytes / 2 ** 20} MiB` : `${bytes / 2 ** 10} KiB`);

/**
 * Everything an operation may answer: the statuses it lists, and those that
 * middleware answers for it — 401 and 404 (its scope) when signed in, 403 when
 * some roles may not, 413 and 415 for a body, 422 for input, 500.
 */
export function responsesOf(op: Operation): Record<number, ResponseSpec> {
  const implied: Record<number, ResponseSpec> = {};
  if (op.auth === 'bearer') implied[401] = { description: 'Not authenticated, or the token is invalid or expired' };
  if (op.auth === 'bearer' && /:[a-z_]+_id\b/.test(op.path)) implied[404] = { description: 'Not found' };
  if (op.allow) implied[403] = { description: "The caller's role may not do this" };
  if (op.testSupport) implied[403] = { description: 'A cross-origin request (Origin or Sec-Fetch-Site): test routes refuse them' };
  if (op.method !== 'get')
    Object.assign(implied, {
      413: { description: `The request body is over ${sizeInWords((op.bodyLimit ?? BODY_LIMIT).bytes)}` },
      415: E415,
    });
  if (op.body || op.query || op.idempotent) implied[422] = { description: 'Validation error' };
  implied[500] = E500;
  return { ...implied, ...op.responses };
}

/**
 * Whether an error is what the document says (openapi.ts): a status the
 * operation may answer, and a 422 in the array form — except on an idempotent
 * operation, whose key reused with another body (and any rule it states) has a string detail.
 */
function documentedError(op: Operation, status: number, detail: unknown): boolean {
  if (!responsesOf(op)[status]) return false;
  return status !== 422 || Array.isArray(detail) || op.idempotent !== undefined;
}

/**
 * An error the operation does not document is a bug in the mock, as an
 * undocumented reply is (`checkReply`): a 500 that says so, when responses
 * are checked.
 */
function documentedErrorsOnly(op: Operation): MiddlewareHandler<MockEnv> {
  return async (c, next) => {
    await next();
    const err = c.error;
    if (!(err instanceof HttpError) || !c.var.platform.validateResponses || documentedError(op, err.status, err.detail)) return;
    console.error(`[mock] ${op.operationId}: undocumented error ${err.status}: ${escapeForLog(err.message)}`);
    c.res = undefined;
    c.res = send(c, { status: 500, body: { detail: `${op.operationId} answered an undocumented ${err.status}` } });
  };
}

/** Test routes: refused to a browser page of another origin (a form or a no-cors fetch), even in test mode. */
const sameOriginOnly: MiddlewareHandler<MockEnv> = async (c, next) => {
  const site = c.req.header('sec-fetch-site');
  const origin = c.req.header('origin');
  if ((site !== undefined && site !== 'same-origin' && site !== 'none') || (origin !== undefined && origin !== new URL(c.req.url).origin)) {
    throw forbidden('Test routes refuse cross-origin requests');
  }
  await next();
};

/**
 * The body, read once (json-body.ts) into `c.var.rawBody`, as sent (the
 * idempotency check compares it): a request body must be JSON (CONTRACT §1),
 * said by its Content-Type — a `text/plain` body is what a web page of another
 * origin may send without a preflight, so it never reaches a handler — within
 * the operation's limit. A request without a body needs no Content-Type (an
 * optional body is then `{}`); an operation that takes no body checks one sent
 * and ignores it.
 */
function readBody(op: Operation): MiddlewareHandler<MockEnv> {
  const limit = op.bodyLimit ?? BODY_LIMIT;
  return async (c, next) => {
    let raw = await readJsonBody(c.req.raw, limit, op.body !== undefined);
    if (raw === undefined && op.body) {
      if (!op.bodyOptional) throw validationError([issue(['body'], 'Field required', 'missing')]);
      raw = {};
    }
    c.set('rawBody', raw);
    await next();
  };
}

function parseWith(schema: Schema, data: unknown, where: Where): unknown {
  let r: ReturnType<typeof z.safeParse>;
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

/** Whether a schema takes a list (unwrapping optional, default, nullable and unions). */
function takesList(schema: Schema): boolean {
  const def = (schema as z.core.$ZodTypes)._zod.def;
  switch (def.type) {
    case 'array':
      return true;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
      return takesList(def.innerType);
    case 'union':
      return def.options.some(takesList);
    default:
      return false;
  }
}

/** The query parameters a schema takes as a list (`?service_id=a&service_id=b`): given every value when repeated; others their first. */
const listParams = new WeakMap<Schema, ReadonlySet<string>>();
function listParamsOf(query: Schema): ReadonlySet<string> {
  let names = listParams.get(query);
  if (!names) {
    const shape = (query as z.core.$ZodObject)._zod.def.shape ?? {};
    names = new Set(Object.keys(shape).filter((name) => takesList(shape[name]!)));
    listParams.set(query, names);
  }
  return names;
}

function parseInput(op: Operation): MiddlewareHandler<MockEnv> {
  return async (c, next) => {
    if (op.query) {
      // A platform without an extension parameter ignores it, as it ignores any unknown parameter.
      const ignored = c.var.platform.profile === 'documented' ? op.extensionParams : new Set<string>();
      const lists = listParamsOf(op.query);
      const raw: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(c.req.queries()))
        if (v[0] !== undefined && !ignored.has(k)) raw[k] = v.length > 1 && lists.has(k) ? v : v[0];
      c.set('query', parseWith(op.query, raw, 'query'));
    }
    if (op.body) c.set('body', parseWith(op.body, c.var.rawBody, 'body'));
    await next();
  };
}

/** A reply that is not what the operation documents is a bug in the mock: a 500. */
function checkReply(op: Operation, r: Reply): void {
  if (r.asked) return;
  const spec = responsesOf(op)[r.status];
  if (!spec) throw new Error(`${op.operationId}: undocumented status ${r.status}`);
  if (r.response) {
    if (spec.contentType === undefined) throw new Error(`${op.operationId}: a stream where ${r.status} documents JSON`);
    return;
  }
  if (spec.schema) {
    const check = z.safeParse(spec.schema, r.body);
    if (!check.success) throw new Error(`${op.operationId}: response does not match its schema: ${check.error.message}`);
  }
}

function handlerOf(op: Operation): Handler<MockEnv> {
  return async (c) => {
    const r = await op.handler(c as unknown as Parameters<Operation['handler']>[0]);
    if (c.var.platform.validateResponses) checkReply(op, r);
    c.set('reply', r);
    return send(c, r);
  };
}
