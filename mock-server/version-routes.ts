/**
 * Versions, endpoints, publishing, traffic, the service's OpenAPI document and
 * its client stubs (CONTRACT §3). Part of the one route table (routes.ts).
 */
import { randomUUID } from 'node:crypto';
import type { ValidationIssue } from '../src/contract/common';
import { paths, type Scope } from '../src/contract/paths';
import {
  Endpoint,
  EndpointCreate,
  EndpointListQuery,
  EndpointPage,
  EndpointUpdate,
  PublishRequest,
  ServiceVersion,
  TrafficUpdate,
  VersionListQuery,
  VersionPage,
  VersionQuery,
} from '../src/contract/versions';
import { ROLE_WRITE_SERVICES } from './auth';
import { conflict, issue, notFound, validationError } from './errors';
import { defineRoute, must, noContent, reply, type AnyRoute } from './route';
import { serviceOpenApi } from './service-openapi';
import type { EndpointRecord, ServiceRecord, Store } from './store';
import { pythonStub, type StubInput } from './stub-python';
import { typescriptStub } from './stub-typescript';
import {
  applyTraffic,
  assertUniqueRoute,
  createDraft,
  draftOf,
  isServing,
  publish,
  publishedVersion,
  requireDraft,
  requireEditable,
  sortEndpoints,
  touch,
} from './versions';

const hono = (p: string) => decodeURIComponent(p);
const SCOPE: Scope = { orgId: ':org_id', workspaceId: ':workspace_id' };
const VERSIONS = hono(paths.versions(SCOPE, ':service_id'));
const VERSION = hono(paths.version(SCOPE, ':service_id', ':version_id'));
const ENDPOINTS = hono(paths.endpoints(SCOPE, ':service_id'));
const ENDPOINT = hono(paths.endpoint(SCOPE, ':service_id', ':endpoint_id'));

const E401 = { description: 'Not authenticated, or the token is invalid or expired' };
const E403 = { description: "The caller's role may not do this" };
const E404 = { description: 'Not found' };
const E422 = { description: 'Validation error' };

const isoNow = () => new Date().toISOString();

/** All of a service's versions, newest first. */
const newestFirst = (store: Store, serviceId: string) => [...store.versionsOf(serviceId)].reverse();

function stubInput(store: Store, service: ServiceRecord, n: number | undefined): StubInput & { description: string | null } {
  const v = publishedVersion(store, service, n);
  return { serviceName: service.name, serviceId: service.id, orgId: service.org_id, version: v.version, snapshot: v.endpoint_snapshot, description: service.description };
}

const stubHeaders = (file: string) => ({
  'Content-Type': 'text/plain; charset=utf-8',
  'Content-Disposition': `attachment; filename="${file}"`,
  'X-Content-Type-Options': 'nosniff',
});

export const VERSION_ROUTES: AnyRoute[] = [
  // ---- versions ---------------------------------------------------------------
  defineRoute({
    method: 'get',
    path: VERSIONS,
    operationId: 'listVersions',
    summary: "A service's versions, newest first",
    tags: ['versions'],
    auth: 'bearer',
    query: VersionListQuery,
    responses: { 200: { description: 'A page of versions', schema: VersionPage }, 401: E401, 404: E404, 422: E422 },
    handler: ({ store, service, query }) => {
      const all = newestFirst(store, must(service).id).filter((v) => !query.status || v.status === query.status);
      return reply(200, VersionPage, { items: all.slice(query.offset, query.offset + query.limit), total: all.length, limit: query.limit, offset: query.offset });
    },
  }),
  defineRoute({
    method: 'post',
    path: VERSIONS,
    operationId: 'createVersion',
    summary: 'Create a draft version, starting from the active version’s endpoints (one draft at a time)',
    tags: ['versions'],
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'create versions',
    idempotent: true,
    responses: { 201: { description: 'The new draft', schema: ServiceVersion }, 401: E401, 403: E403, 404: E404, 409: { description: 'A draft exists already' }, 422: E422 },
    handler: ({ store, service, c }) => {
      const v = createDraft(store, must(service), isoNow());
      return reply(201, ServiceVersion, v, { Location: `${c.req.path}/${v.id}` });
    },
  }),
  defineRoute({
    method: 'get',
    path: VERSION,
    operationId: 'getVersion',
    summary: 'Get a version',
    tags: ['versions'],
    auth: 'bearer',
    responses: { 200: { description: 'The version', schema: ServiceVersion }, 401: E401, 404: E404 },
    handler: ({ version }) => reply(200, ServiceVersion, must(version)),
  }),
  defineRoute({
    method: 'post',
    path: hono(paths.publishVersion(SCOPE, ':service_id', ':version_id')),
    operationId: 'publishVersion',
    summary: 'Publish a draft version: freeze its endpoints and route `traffic_percent` of the traffic to it (irreversible)',
    tags: ['versions'],
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'publish versions',
    body: PublishRequest,
    bodyOptional: true,
    idempotent: true,
    responses: {
      200: { description: 'The published version', schema: ServiceVersion },
      401: E401,
      403: E403,
      404: E404,
      409: { description: 'The version is not a draft' },
      422: { description: 'Validation error, or the version has no endpoints' },
    },
    handler: ({ store, service, version, body }) => reply(200, ServiceVersion, publish(store, must(service), must(version), body.traffic_percent, isoNow())),
  }),
  defineRoute({
    method: 'post',
    path: hono(paths.publishDraft(SCOPE, ':service_id')),
    operationId: 'publishDraft',
    summary: "Publish the service's current draft version",
    tags: ['versions'],
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'publish versions',
    body: PublishRequest,
    bodyOptional: true,
    idempotent: true,
    responses: {
      200: { description: 'The published version', schema: ServiceVersion },
      401: E401,
      403: E403,
      404: E404,
      409: { description: 'The service has no draft version' },
      422: { description: 'Validation error, or the draft has no endpoints' },
    },
    handler: ({ store, service, body }) => {
      const s = must(service);
      const draft = draftOf(store, s.id);
      if (!draft) throw conflict('This service has no draft version. Create a new version first.');
      return reply(200, ServiceVersion, publish(store, s, draft, body.traffic_percent, isoNow()));
    },
  }),

  // ---- endpoints --------------------------------------------------------------
  defineRoute({
    method: 'get',
    path: ENDPOINTS,
    operationId: 'listEndpoints',
    summary: "A version's endpoints (default: the draft, else the active version), by path",
    tags: ['endpoints'],
    auth: 'bearer',
    query: EndpointListQuery,
    responses: { 200: { description: 'A page of endpoints', schema: EndpointPage }, 401: E401, 404: E404, 422: E422 },
    handler: ({ store, service, query }) => {
      const s = must(service);
      const all = store.versionsOf(s.id);
      let v;
      if (query.version_id !== undefined) {
        v = store.versionIn(s.id, query.version_id);
        if (!v) throw notFound('Version');
      } else {
        v = all.find((x) => x.status === 'draft') ?? all.find((x) => x.status === 'active') ?? all[all.length - 1];
      }
      const eps = v ? sortEndpoints(store.endpointsOf(v.id)) : [];
      return reply(200, EndpointPage, { items: eps.slice(query.offset, query.offset + query.limit), total: eps.length, limit: query.limit, offset: query.offset });
    },
  }),
  defineRoute({
    method: 'post',
    path: ENDPOINTS,
    operationId: 'createEndpoint',
    summary: 'Add an endpoint to the draft version',
    tags: ['endpoints'],
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'change endpoints',
    body: EndpointCreate,
    idempotent: true,
    responses: {
      201: { description: 'Created', schema: Endpoint },
      401: E401,
      403: E403,
      404: E404,
      409: { description: 'No draft version, or the method and path exist in it' },
      422: E422,
    },
    handler: ({ store, service, body, c }) => {
      const s = must(service);
      const draft = requireDraft(store, s);
      assertUniqueRoute(store, draft.id, body.method, body.path);
      const now = isoNow();
      const rec: EndpointRecord = {
        id: randomUUID(),
        version_id: draft.id,
        method: body.method,
        path: body.path,
        summary: body.summary,
        description: body.description ?? null,
        request_schema: body.request_schema,
        response_schema: body.response_schema,
        created_at: now,
        updated_at: now,
      };
      store.putEndpoint(rec);
      touch(store, s, now);
      return reply(201, Endpoint, rec, { Location: `${c.req.path}/${rec.id}` });
    },
  }),
  defineRoute({
    method: 'put',
    path: ENDPOINT,
    operationId: 'updateEndpoint',
    summary: 'Change an endpoint of the draft version (partial)',
    tags: ['endpoints'],
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'change endpoints',
    body: EndpointUpdate,
    responses: {
      200: { description: 'The updated endpoint', schema: Endpoint },
      401: E401,
      403: E403,
      404: E404,
      409: { description: 'The endpoint belongs to a published version, or the method and path exist' },
      422: E422,
    },
    handler: ({ store, service, endpoint, body }) => {
      const e = must(endpoint);
      requireEditable(store, e);
      const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as Partial<EndpointRecord>;
      const now = isoNow();
      const merged: EndpointRecord = { ...e, ...changes, id: e.id, version_id: e.version_id, updated_at: now };
      assertUniqueRoute(store, e.version_id, merged.method, merged.path, e.id);
      store.putEndpoint(merged);
      touch(store, must(service), now);
      return reply(200, Endpoint, merged);
    },
  }),
  defineRoute({
    method: 'delete',
    path: ENDPOINT,
    operationId: 'deleteEndpoint',
    summary: 'Remove an endpoint from the draft version',
    tags: ['endpoints'],
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'change endpoints',
    responses: { 204: { description: 'Deleted' }, 401: E401, 403: E403, 404: E404, 409: { description: 'The endpoint belongs to a published version' } },
    handler: ({ store, service, endpoint }) => {
      const e = must(endpoint);
      requireEditable(store, e);
      store.deleteEndpoint(e.id);
      touch(store, must(service), isoNow());
      return noContent();
    },
  }),

  // ---- traffic (extension) ----------------------------------------------------
  defineRoute({
    method: 'put',
    path: hono(paths.traffic(SCOPE, ':service_id')),
    operationId: 'updateTraffic',
    summary:
      'Extension: re-split traffic among the serving versions (integers summing to 100). 0 archives a version; the active version at 0 rolls back to the busiest remaining one; a draining version at 100 is promoted.',
    tags: ['versions'],
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'change traffic',
    body: TrafficUpdate,
    extension: true,
    responses: {
      200: { description: 'All the versions after the change, newest first', schema: VersionPage },
      401: E401,
      403: E403,
      404: E404,
      409: { description: 'The service has no published version' },
      422: E422,
    },
    handler: ({ store, service, body }) => {
      const s = must(service);
      const all = store.versionsOf(s.id);
      const serving = all.filter(isServing);
      if (serving.length === 0) throw conflict('This service has no published version');
      const issues: ValidationIssue[] = [];
      const listed = new Set<string>();
      body.allocations.forEach((a, i) => {
        listed.add(a.version_id);
        const v = store.versionIn(s.id, a.version_id);
        const loc = ['body', 'allocations', i, 'version_id'];
        if (!v) issues.push(issue(loc, 'No such version in this service', 'value_error'));
        else if (v.status === 'draft') issues.push(issue(loc, `Version ${v.version} is a draft; publish it to give it traffic`, 'value_error'));
        else if (v.status === 'archived') issues.push(issue(loc, `Version ${v.version} is archived; it cannot receive traffic`, 'value_error'));
      });
      for (const v of serving) {
        if (!listed.has(v.id)) {
          issues.push(issue(['body', 'allocations'], `Version ${v.version} is serving and must be listed (give it 0 to archive it)`, 'value_error'));
        }
      }
      if (issues.length) throw validationError(issues);
      applyTraffic(store, s, body.allocations, isoNow());
      const items = newestFirst(store, s.id);
      return reply(200, VersionPage, { items, total: items.length, limit: items.length, offset: 0 });
    },
  }),

  // ---- generated artefacts ----------------------------------------------------
  defineRoute({
    method: 'get',
    path: hono(paths.serviceOpenapi(SCOPE, ':service_id')),
    operationId: 'getServiceOpenapi',
    summary: "The service's OpenAPI 3.1 document, from the active version (or `?version=N`)",
    tags: ['versions'],
    auth: 'bearer',
    query: VersionQuery,
    responses: {
      200: { description: 'OpenAPI 3.1 document' },
      401: E401,
      404: E404,
      409: { description: 'No published version (or the version named is a draft)' },
      422: E422,
    },
    handler: ({ store, service, query }) => ({ status: 200, body: serviceOpenApi(stubInput(store, must(service), query.version)) }),
  }),
  defineRoute({
    method: 'get',
    path: hono(paths.stub(SCOPE, ':service_id', 'python')),
    operationId: 'getPythonStub',
    summary: 'A typed Python client (httpx, TypedDict) for the active version (or `?version=N`)',
    tags: ['versions'],
    auth: 'bearer',
    query: VersionQuery,
    responses: {
      200: { description: 'client.py', contentType: 'text/plain' },
      401: E401,
      404: E404,
      409: { description: 'No published version (or the version named is a draft)' },
      422: E422,
    },
    handler: ({ store, service, query }) => ({ status: 200, text: pythonStub(stubInput(store, must(service), query.version)), headers: stubHeaders('client.py') }),
  }),
  defineRoute({
    method: 'get',
    path: hono(paths.stub(SCOPE, ':service_id', 'typescript')),
    operationId: 'getTypescriptStub',
    summary: 'A typed TypeScript client (fetch) for the active version (or `?version=N`)',
    tags: ['versions'],
    auth: 'bearer',
    query: VersionQuery,
    responses: {
      200: { description: 'client.ts', contentType: 'text/plain' },
      401: E401,
      404: E404,
      409: { description: 'No published version (or the version named is a draft)' },
      422: E422,
    },
    handler: ({ store, service, query }) => ({ status: 200, text: typescriptStub(stubInput(store, must(service), query.version)), headers: stubHeaders('client.ts') }),
  }),
];
