/**
 * The mock platform's route table: method, path, summary, schemas, statuses and
 * handler. app.ts routes from it; openapi.ts documents it.
 */
import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { ApiKeyExchangeRequest, LoginRequest, LogoutRequest, RefreshRequest, TokenResponse, Whoami } from '../src/contract/auth';
import { ListQuery } from '../src/contract/common';
import { OrganizationPage, WorkspacePage } from '../src/contract/organizations';
import { paths, type Scope } from '../src/contract/paths';
import { RingListQuery, RingPage } from '../src/contract/rings';
import { HostedService, ServiceCreate, ServiceListQuery, ServicePage, ServiceUpdate, crossFieldIssues } from '../src/contract/services';
import type { ValidationIssue } from '../src/contract/common';
import { ROLE_WRITE_SERVICES, issueApiKeyToken, issueTokens, logout, refreshTokens } from './auth';
import { conflict, issue, unauthorized, validationError } from './errors';
import { buildOpenApi } from './openapi';
import { defineRoute, must, noContent, reply, type AnyRoute } from './route';
import { sha256, type ServiceRecord, type Store } from './store';
import { VERSION_ROUTES } from './version-routes';
import { CONNECTOR_ROUTES } from './connector-routes';
import { GATEWAY_ROUTES } from './gateway';
import { RING_ROUTES } from './ring-routes';
import { TOKEN_ROUTES } from './token-routes';
import { DEPLOY_ROUTES } from './deploy-routes';
import type { Workspace } from '../src/contract/organizations';

/** Contract paths with Hono placeholders, e.g. `/orgs/:org_id/workspaces/:workspace_id/hosted-services`. */
const hono = (p: string) => decodeURIComponent(p);
const SCOPE: Scope = { orgId: ':org_id', workspaceId: ':workspace_id' };
const SERVICES = hono(paths.services(SCOPE));
const SERVICE = hono(paths.service(SCOPE, ':service_id'));

/** Pagination for the short lists (organizations, workspaces, rings). */
export const PageQuery = z.pick(ListQuery, { limit: true, offset: true, search: true });

export const ResetRequest = z.strictObject({ seed: z.optional(z.enum(['demo', 'empty'])) });

function paginate<T>(all: T[], q: { limit: number; offset: number }) {
  return { items: all.slice(q.offset, q.offset + q.limit), total: all.length, limit: q.limit, offset: q.offset };
}

function matches(search: string | undefined, ...fields: (string | null)[]): boolean {
  if (!search) return true;
  const t = search.toLowerCase();
  return fields.some((f) => f !== null && f.toLowerCase().includes(t));
}

const isoNow = () => new Date().toISOString();

/** Existence checks that are 422s on a body field (CONTRACT §2). */
function referenceIssues(store: Store, ws: Workspace, body: { ring_id?: string | null; connector_bindings?: Record<string, { connector_instance_id: string }> }): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (body.ring_id) {
    const ring = store.rings.get(body.ring_id);
    if (!ring || ring.workspace_id !== ws.id) issues.push(issue(['body', 'ring_id'], 'Ring not found', 'value_error'));
  }
  for (const [name, binding] of Object.entries(body.connector_bindings ?? {})) {
    const instance = store.connectorInstances.get(binding.connector_instance_id);
    if (instance?.workspace_id === ws.id) continue;
    issues.push(issue(['body', 'connector_bindings', name, 'connector_instance_id'], 'Connector instance not found', 'value_error'));
  }
  return issues;
}

const slugConflict = (slug: string) =>
  conflict([{ loc: ['body', 'slug'], msg: `A service with slug '${slug}' already exists in this workspace`, type: 'conflict' }]);

const E401 = { description: 'Not authenticated, or the token is invalid or expired' };
const E403 = { description: "The caller's role may not do this" };
const E404 = { description: 'Not found' };
const E409 = { description: 'Conflict' };
const E422 = { description: 'Validation error' };

export const ROUTES: AnyRoute[] = [
  // ---- auth ----------------------------------------------------------------
  defineRoute({
    method: 'post',
    path: paths.login(),
    operationId: 'login',
    summary: 'Log in with email and password',
    tags: ['auth'],
    auth: 'none',
    body: LoginRequest,
    responses: { 200: { description: 'Tokens', schema: TokenResponse }, 401: { description: 'Incorrect email or password' }, 422: E422 },
    handler: async ({ body, store, platform }) => {
      const email = body.email.toLowerCase();
      const user = [...store.users.values()].find((u) => u.email.toLowerCase() === email);
      if (!user || user.password_sha256 !== sha256(body.password)) throw unauthorized('Incorrect email or password');
      return reply(200, TokenResponse, await issueTokens(store, user, platform.tokens));
    },
  }),
  defineRoute({
    method: 'post',
    path: paths.refresh(),
    operationId: 'refresh',
    summary: 'Exchange a refresh token for new tokens (the refresh token rotates)',
    tags: ['auth'],
    auth: 'none',
    body: RefreshRequest,
    responses: { 200: { description: 'Tokens', schema: TokenResponse }, 401: { description: 'Invalid or expired refresh token' }, 422: E422 },
    handler: async ({ body, store, platform }) => reply(200, TokenResponse, await refreshTokens(store, body.refresh_token, platform.tokens)),
  }),
  defineRoute({
    method: 'post',
    path: paths.logout(),
    operationId: 'logout',
    summary: 'Invalidate the access token and the refresh token',
    tags: ['auth'],
    auth: 'bearer',
    body: LogoutRequest,
    bodyOptional: true,
    responses: { 204: { description: 'Logged out' }, 401: E401, 422: E422 },
    handler: ({ body, store, principal }) => {
      logout(store, must(principal), body.refresh_token);
      return noContent();
    },
  }),
  defineRoute({
    method: 'get',
    path: paths.whoami(),
    operationId: 'whoami',
    summary: 'The authenticated user',
    tags: ['auth'],
    auth: 'bearer',
    responses: { 200: { description: 'The user', schema: Whoami }, 401: E401 },
    handler: ({ principal }) => {
      const u = must(principal).user;
      return reply(200, Whoami, { id: u.id, email: u.email, name: u.name, role: u.role, org_id: u.org_id });
    },
  }),
  defineRoute({
    method: 'post',
    path: paths.apiKeyExchange(),
    operationId: 'exchangeApiKey',
    summary: 'Exchange an API key for an access token (what `flow-sdk login` does)',
    tags: ['auth'],
    auth: 'none',
    body: ApiKeyExchangeRequest,
    responses: { 200: { description: 'An access token; no refresh token', schema: TokenResponse }, 401: { description: 'Invalid API key' }, 422: E422 },
    handler: async ({ body, store }) => {
      const key = store.apiKeys.get(sha256(body.api_key));
      const user = key ? store.users.get(key.user_id) : undefined;
      if (!key || !user) throw unauthorized('Invalid API key');
      return reply(200, TokenResponse, await issueApiKeyToken(store, user, body.ttl_minutes * 60, key.id));
    },
  }),

  // ---- organizations, workspaces, rings --------------------------------------
  defineRoute({
    method: 'get',
    path: paths.organizations(),
    operationId: 'listOrganizations',
    summary: 'Organizations the user belongs to',
    tags: ['organizations'],
    auth: 'bearer',
    query: PageQuery,
    responses: { 200: { description: 'A page of organizations', schema: OrganizationPage }, 401: E401, 422: E422 },
    handler: ({ store, principal, query }) => {
      const orgs = [...store.organizations.values()].filter((o) => o.id === must(principal).user.org_id && matches(query.search, o.name, o.slug));
      return reply(200, OrganizationPage, paginate(orgs, query));
    },
  }),
  defineRoute({
    method: 'get',
    path: hono(paths.workspaces(':org_id')),
    operationId: 'listWorkspaces',
    summary: "An organization's workspaces, by name",
    tags: ['organizations'],
    auth: 'bearer',
    query: PageQuery,
    responses: { 200: { description: 'A page of workspaces', schema: WorkspacePage }, 401: E401, 404: E404, 422: E422 },
    handler: ({ store, org, query }) => {
      const orgId = must(org).id;
      const list = [...store.workspaces.values()]
        .filter((w) => w.org_id === orgId && matches(query.search, w.name, w.slug))
        .sort((a, b) => a.name.localeCompare(b.name));
      return reply(200, WorkspacePage, paginate(list, query));
    },
  }),
  defineRoute({
    method: 'get',
    path: hono(paths.rings(SCOPE)),
    operationId: 'listRings',
    summary: "A workspace's deployment rings, by position",
    tags: ['rings'],
    auth: 'bearer',
    query: z.extend(PageQuery, RingListQuery.shape),
    responses: { 200: { description: 'A page of rings (`?name=dev` resolves one: a page of at most one)', schema: RingPage }, 401: E401, 404: E404, 422: E422 },
    handler: ({ store, workspace, query }) => {
      const rings = store
        .ringsOf(must(workspace).id)
        .filter((r) => (query.name === undefined || r.name === query.name) && matches(query.search, r.name, r.description))
        .map(({ org_id: _o, workspace_id: _w, ...ring }) => ring);
      return reply(200, RingPage, paginate(rings, query));
    },
  }),

  // ---- hosted services -------------------------------------------------------
  defineRoute({
    method: 'get',
    path: SERVICES,
    operationId: 'listHostedServices',
    summary: 'List hosted services (search over name and description)',
    tags: ['hosted-services'],
    auth: 'bearer',
    query: ServiceListQuery,
    responses: { 200: { description: 'A page of services', schema: ServicePage }, 401: E401, 404: E404, 422: E422 },
    handler: ({ store, workspace, query }) => {
      const { items, total } = store.listServices(must(workspace).id, query);
      return reply(200, ServicePage, { items: items.map((s) => store.toHostedService(s)), total, limit: query.limit, offset: query.offset });
    },
  }),
  defineRoute({
    method: 'post',
    path: SERVICES,
    operationId: 'createHostedService',
    summary: 'Create a hosted service (draft, with version 1)',
    tags: ['hosted-services'],
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'create hosted services',
    body: ServiceCreate,
    idempotent: true,
    responses: { 201: { description: 'Created', schema: HostedService }, 401: E401, 403: E403, 404: E404, 409: { description: 'A service with this slug exists in the workspace' }, 422: E422 },
    handler: ({ store, workspace, body, c }) => {
      const ws = must(workspace);
      const issues = referenceIssues(store, ws, body);
      if (issues.length) throw validationError(issues);
      if (store.serviceBySlug(ws.id, body.slug)) throw slugConflict(body.slug);
      const now = isoNow();
      const rec: ServiceRecord = {
        id: randomUUID(),
        org_id: ws.org_id,
        workspace_id: ws.id,
        name: body.name,
        slug: body.slug,
        description: body.description ?? null,
        execution_mode: body.execution_mode,
        status: 'draft',
        ring_id: body.ring_id ?? null,
        environment_id: body.environment_id ?? null,
        connector_bindings: body.connector_bindings,
        min_replicas: body.min_replicas,
        max_replicas: body.max_replicas,
        concurrency_per_replica: body.concurrency_per_replica,
        scale_threshold: body.scale_threshold,
        startup_timeout_seconds: body.startup_timeout_seconds,
        base_image: body.base_image,
        system_packages: body.system_packages,
        deployment_state: null,
        created_at: now,
        updated_at: now,
      };
      store.insertService(rec);
      store.insertVersion({
        id: randomUUID(),
        service_id: rec.id,
        version: 1,
        status: 'draft',
        traffic_percent: 0,
        endpoint_snapshot: null,
        skill_snapshot: null,
        created_at: now,
        published_at: null,
      });
      return reply(201, HostedService, store.toHostedService(rec), { Location: `${c.req.path}/${rec.id}` });
    },
  }),
  defineRoute({
    method: 'get',
    path: SERVICE,
    operationId: 'getHostedService',
    summary: 'Get a hosted service',
    tags: ['hosted-services'],
    auth: 'bearer',
    responses: { 200: { description: 'The service', schema: HostedService }, 401: E401, 404: E404 },
    handler: ({ store, service }) => reply(200, HostedService, store.toHostedService(must(service))),
  }),
  defineRoute({
    method: 'put',
    path: SERVICE,
    operationId: 'updateHostedService',
    summary: 'Update a hosted service (partial; slug is immutable; execution mode only while draft)',
    tags: ['hosted-services'],
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'update hosted services',
    body: ServiceUpdate,
    responses: { 200: { description: 'The updated service', schema: HostedService }, 401: E401, 403: E403, 404: E404, 409: E409, 422: E422 },
    handler: ({ store, workspace, service, body }) => {
      const s = must(service);
      if (body.slug !== undefined && body.slug !== s.slug) throw validationError([issue(['body', 'slug'], 'Slug is immutable after creation', 'value_error')]);
      if (body.execution_mode !== undefined && body.execution_mode !== s.execution_mode && s.status !== 'draft') {
        throw conflict(`Execution mode can only be changed while the service is a draft (this one is ${s.status})`);
      }
      const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as Partial<ServiceRecord>;
      const merged: ServiceRecord = { ...s, ...changes, slug: s.slug, updated_at: isoNow() };
      const issues: ValidationIssue[] = crossFieldIssues(merged).map((i) => issue(['body', i.path], i.message, 'value_error'));
      issues.push(...referenceIssues(store, must(workspace), { ring_id: body.ring_id, connector_bindings: body.connector_bindings }));
      if (issues.length) throw validationError(issues);
      store.replaceService(merged);
      return reply(200, HostedService, store.toHostedService(merged));
    },
  }),
  defineRoute({
    method: 'delete',
    path: SERVICE,
    operationId: 'deleteHostedService',
    summary: 'Delete a hosted service and its versions',
    tags: ['hosted-services'],
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'delete hosted services',
    responses: { 204: { description: 'Deleted' }, 401: E401, 403: E403, 404: E404 },
    handler: ({ store, service }) => {
      store.deleteService(must(service).id);
      return noContent();
    },
  }),

  // ---- versions, endpoints, traffic, generated artefacts (version-routes.ts) ----
  ...VERSION_ROUTES,
  // ---- rings, connectors, service tokens, gateway ------------------------------
  ...RING_ROUTES,
  ...CONNECTOR_ROUTES,
  ...TOKEN_ROUTES,
  ...GATEWAY_ROUTES,
  ...DEPLOY_ROUTES,

  // ---- documentation and test support -----------------------------------------
  defineRoute({
    method: 'get',
    path: '/openapi.json',
    operationId: 'openapi',
    summary: "This mock's OpenAPI 3.1 document",
    tags: ['meta'],
    auth: 'none',
    responses: { 200: { description: 'OpenAPI 3.1 document' } },
    handler: () => ({ status: 200, body: openapiDoc() }),
  }),
  defineRoute({
    method: 'post',
    path: '/__test__/reset',
    operationId: 'testReset',
    summary: 'Reset the mock to a seed (test support; no auth)',
    tags: ['test'],
    auth: 'none',
    body: ResetRequest,
    bodyOptional: true,
    extension: true,
    responses: { 204: { description: 'Reset' }, 422: E422 },
    handler: ({ platform, body }) => {
      platform.reset(body.seed);
      return noContent();
    },
  }),
];

let cachedDoc: unknown;
function openapiDoc(): unknown {
  return (cachedDoc ??= buildOpenApi(ROUTES));
}
