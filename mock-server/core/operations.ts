/**
 * An operation: method, path, schemas, statuses and handler, written once.
 * `domainApi()` turns a domain's operations into a Hono sub-app (mounted under
 * `/api/v1` with `app.route()`), each behind the middleware it needs — auth,
 * scope, role, input parsing, idempotency — and openapi.ts documents the same
 * definitions, so routing and documentation cannot drift.
 *
 * Every request is parsed with the contract's schemas (a mismatch is a 422 in
 * the FastAPI shape) and every response is checked against the schema of its
 * status (a mismatch, or an undocumented status, is a 500: a bug). Handlers
 * receive the resolved scope typed from their path: an operation on
 * `…/hosted-services/:service_id` has `c.var.service`.
 */
import { Hono, type Context, type Handler, type MiddlewareHandler } from 'hono';
import type { H } from 'hono/types';
import * as z from 'zod/mini';
import type { Scope } from '../../src/contract/paths';
import { authenticate, authorize, type Access } from './auth';
import type { GatewayCaller, MockEnv, Platform, Principal, ScopeVars } from './context';
import { issue, validationError, zodToIssues, type Where } from './errors';
import { idempotency, type ShownOnce } from './idempotency';
import { send, type Reply } from './replies';
import { resolveScope, type SCOPE_PARAMS, type ScopeParam } from './scope';
import type { Store } from './store';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
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
const SERVICE = `${WORKSPACE}/hosted-services/:service_id` as const;

/**
 * A Hono path relative to `/api/v1` (its literal type gives the handler its
 * scope), checked against the contract's builder: the two must agree.
 */
export function apiPath<const P extends string>(path: P, fromContract: string): P {
  const contract = decodeURIComponent(fromContract);
  if (contract !== path) throw new Error(`The mock's path ${path} is not the contract's ${contract}`);
  return path;
}

/** A path in a workspace: `workspacePath('/connectors', paths.connectorTypes)`. */
export function workspacePath<const S extends string>(suffix: S, build: (scope: Scope) => string): `${typeof WORKSPACE}${S}` {
  return apiPath(`${WORKSPACE}${suffix}`, build(AT));
}

/** A path of a service: `servicePath('/deploy', paths.deploy)`; more parameters through the builder. */
export function servicePath<const S extends string>(suffix: S, build: (scope: Scope, serviceId: string) => string): `${typeof SERVICE}${S}` {
  return apiPath(`${SERVICE}${suffix}`, build(AT, ':service_id'));
}

export interface ResponseSpec {
  description: string;
  schema?: Schema;
  /** A non-JSON response: its media type (documented with a string schema). */
  contentType?: string;
}

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}` ? Name | ParamNames<`/${Rest}`> : P extends `${string}:${infer Name}` ? Name : never;
/** The scope a path resolves: `…/:service_id` → `{ org, workspace, service }`. */
export type ScopeOf<P extends string> = { [N in ParamNames<P> & ScopeParam as (typeof SCOPE_PARAMS)[N]]: ScopeVars[(typeof SCOPE_PARAMS)[N]] };

export type OperationContext<P extends string, A extends Auth, B, Q> = Context<{
  Variables: { platform: Platform; store: Store; body: Out<B>; query: Out<Q> } & (A extends 'bearer'
    ? { principal: Principal } & ScopeOf<P>
    : A extends 'gateway'
      ? { caller: GatewayCaller; rawBody: unknown } & ScopeOf<P>
      : object);
}>;

export interface OperationSpec<P extends string, A extends Auth, B extends Schema | undefined, Q extends Schema | undefined> {
  method: Method;
  /** Relative to `/api/v1`, from `apiPath()`, `workspacePath()` or `servicePath()`. */
  path: P;
  operationId: string;
  summary: string;
  /** Default: the domain's. */
  tags?: readonly string[];
  /** Default: `bearer`. */
  auth?: A;
  /** Who may (others get 403 "Your role (x) cannot <action>"); default: every signed-in role. */
  allow?: Access;
  /** The domain's own middleware, after auth and before input parsing and idempotency (auth `gateway`: it identifies the caller). */
  before?: MiddlewareHandler<MockEnv>[];
  body?: B;
  /** The body may be absent (treated as `{}`). */
  bodyOptional?: boolean;
  query?: Q;
  /** Honour `Idempotency-Key` (CONTRACT §1): replay the first success, or (ShownOnce) refuse a repeat. */
  idempotent?: true | ShownOnce;
  /** An extension beyond the seeds (marked in the OpenAPI document). */
  extension?: boolean;
  /** Hidden from the OpenAPI document. */
  internal?: boolean;
  responses: Record<number, ResponseSpec>;
  handler: (c: OperationContext<P, A, B, Q>) => Reply | Promise<Reply>;
}

type AnySpec = OperationSpec<string, Auth, Schema | undefined, Schema | undefined>;
/** An operation as served and documented: its defaults filled in. */
export type Operation = AnySpec & { tags: readonly string[]; auth: Auth };

export function operation<const P extends string, A extends Auth = 'bearer', B extends Schema | undefined = undefined, Q extends Schema | undefined = undefined>(
  spec: OperationSpec<P, A, B, Q>,
): AnySpec {
  return spec as unknown as AnySpec;
}

type Rest<P extends string, A extends Auth, B extends Schema | undefined, Q extends Schema | undefined> = Omit<OperationSpec<P, A, B, Q>, 'method' | 'path' | 'operationId' | 'summary'>;

/** `get(path, operationId, summary, { responses, handler, … })`: an operation written the way Hono routes read. */
function verb(method: Method) {
  return <const P extends string, A extends Auth = 'bearer', B extends Schema | undefined = undefined, Q extends Schema | undefined = undefined>(
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

/** A domain's operations: the Hono sub-app that serves them, and their definitions for the OpenAPI document. */
export interface DomainApi {
  readonly app: Hono<MockEnv>;
  readonly operations: readonly Operation[];
}

/** A domain's operations (tagged `tags` unless they say otherwise) as a sub-app. */
export function domainApi(tags: readonly string[], specs: AnySpec[]): DomainApi {
  const operations: Operation[] = specs.map((op) => ({ ...op, tags: op.tags ?? tags, auth: op.auth ?? 'bearer' }));
  const app = new Hono<MockEnv>();
  for (const op of operations) {
    const [first, ...rest]: H<MockEnv>[] = [...middlewareOf(op), handlerOf(op)];
    app.on(op.method.toUpperCase(), op.path, first!, ...rest);
  }
  return { app, operations };
}

function middlewareOf(op: Operation): MiddlewareHandler<MockEnv>[] {
  const chain: MiddlewareHandler<MockEnv>[] = [];
  if (op.auth === 'bearer') chain.push(authenticate, resolveScope);
  if (op.before) chain.push(...op.before);
  if (op.allow) chain.push(authorize(op.allow));
  if (op.query || op.body) chain.push(parseInput(op));
  if (op.idempotent) chain.push(idempotency(op.idempotent === true ? undefined : op.idempotent));
  return chain;
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

async function readBody(c: Context, optional: boolean): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') {
    if (optional) return {};
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

function parseInput(op: Operation): MiddlewareHandler<MockEnv> {
  return async (c, next) => {
    if (op.query) {
      const raw: Record<string, string> = {};
      for (const [k, v] of Object.entries(c.req.queries())) if (v[0] !== undefined) raw[k] = v[0];
      c.set('query', parseWith(op.query, raw, 'query'));
    }
    if (op.body) {
      const raw = await readBody(c, op.bodyOptional ?? false);
      c.set('rawBody', raw);
      c.set('body', parseWith(op.body, raw, 'body'));
    }
    await next();
  };
}

/** A reply that is not what the operation documents is a bug in the mock: a 500. */
function checkReply(op: Operation, r: Reply): void {
  const spec = op.responses[r.status];
  if (!spec) throw new Error(`${op.operationId}: undocumented status ${r.status}`);
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
