/**
 * The route table's types. One table drives both the routing (app.ts) and the
 * OpenAPI document (openapi.ts), so the two cannot drift.
 */
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import type { Role } from '../src/contract/auth';
import type { Organization, Workspace } from '../src/contract/organizations';
import type { Principal, TokenSettings } from './auth';
import type { ExtraScope } from './scope-extra';
import type { EndpointRecord, ServiceRecord, Store, VersionRecord } from './store';
import type { SeedName } from './seed';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Reply {
  status: number;
  body?: unknown;
  /** A non-JSON body (e.g. a generated client stub), sent as is; set Content-Type in headers. */
  text?: string;
  headers?: Record<string, string>;
}

/** A typed JSON reply: the body must match the schema's output type. */
export function reply<S extends z.core.$ZodType>(status: number, _schema: S, body: z.output<S>, headers?: Record<string, string>): Reply {
  return headers ? { status, body, headers } : { status, body };
}

export const noContent = (): Reply => ({ status: 204 });

export interface Platform {
  store: Store;
  tokens: TokenSettings;
  reset(seed?: SeedName): void;
  /** Length of each deployment phase, ms (deployments.ts). */
  deployPhaseMs: number;
}

export interface HandlerCtx<B, Q> {
  c: Context;
  platform: Platform;
  store: Store;
  principal: Principal | undefined;
  params: Record<string, string>;
  body: B;
  query: Q;
  /** Resolved from `:org_id` (scoped to the caller's org). */
  org: Organization | undefined;
  /** Resolved from `:org_id` + `:workspace_id`. */
  workspace: Workspace | undefined;
  /** Resolved from `:service_id` within the workspace. */
  service: ServiceRecord | undefined;
  /** Resolved from `:version_id` within the service. */
  version: VersionRecord | undefined;
  /** Resolved from `:endpoint_id` within the service. */
  endpoint: EndpointRecord | undefined;
  /** Resolved from `:ring_id`, `:connector_id`, `:instance_id` (scope-extra.ts). */
  ring?: ExtraScope['ring'];
  connector?: ExtraScope['connector'];
  instance?: ExtraScope['instance'];
}

type Out<S> = S extends z.core.$ZodType ? z.output<S> : undefined;

export interface ResponseSpec {
  description: string;
  schema?: z.core.$ZodType;
  /** A non-JSON response: its media type (documented with a string schema). */
  contentType?: string;
}

export interface RouteSpec<B extends z.core.$ZodType | undefined, Q extends z.core.$ZodType | undefined> {
  method: Method;
  /** Hono-style path relative to `/api/v1`, e.g. `/orgs/:org_id/workspaces/:workspace_id/hosted-services`. */
  path: string;
  operationId: string;
  summary: string;
  tags: string[];
  /**
   * `none` for login, refresh, api-key exchange, openapi.json and test routes;
   * `service-token` for the gateway, whose handler checks the token and resolves its own path parameters.
   */
  auth: 'bearer' | 'none' | 'service-token';
  /** Roles allowed; others get 403 "Your role (x) cannot <action>". */
  roles?: readonly Role[];
  action?: string;
  body?: B;
  /** The body may be absent (treated as `{}`). */
  bodyOptional?: boolean;
  query?: Q;
  /** Honour `Idempotency-Key` (CONTRACT §1). */
  idempotent?: boolean;
  /** An extension beyond the seeds (marked in the OpenAPI document). */
  extension?: boolean;
  /** Hidden from the OpenAPI document. */
  internal?: boolean;
  responses: Record<number, ResponseSpec>;
  handler: (ctx: HandlerCtx<Out<B>, Out<Q>>) => Reply | Promise<Reply>;
}

export type AnyRoute = RouteSpec<z.core.$ZodType | undefined, z.core.$ZodType | undefined>;

export function defineRoute<B extends z.core.$ZodType | undefined = undefined, Q extends z.core.$ZodType | undefined = undefined>(spec: RouteSpec<B, Q>): AnyRoute {
  return spec as unknown as AnyRoute;
}

/** Path parameters that name a thing: a malformed or unknown one is a 404 "<Thing> not found". */
export const PARAM_THINGS: Record<string, string> = {
  org_id: 'Organization',
  workspace_id: 'Workspace',
  service_id: 'Service',
  ring_id: 'Ring',
  version_id: 'Version',
  endpoint_id: 'Endpoint',
  connector_id: 'Connector',
  instance_id: 'Connector instance',
};

/** Path parameters that are not UUIDs: their schema and description in the OpenAPI document. */
export const PARAM_DOCS: Record<string, { schema: Record<string, unknown>; description: string }> = {
  connector_id: { schema: { type: 'string', examples: ['postgresql', 's3', 'http-api'] }, description: 'Connector type id (an unknown one is a 404)' },
  path: { schema: { type: 'string' }, description: "The endpoint's path, e.g. extract or extractions/42; v{version}/… pins a version" },
};

export function must<T>(x: T | undefined): T {
  if (x === undefined) throw new Error('route resolution missing');
  return x;
}
