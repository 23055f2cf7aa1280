/** Versions, draft endpoints and publishing (CONTRACT §3, seed 000, 001). */
import { paths } from '../../src/contract/paths';
import { Endpoint, EndpointCreate, EndpointListQuery, EndpointPage, EndpointUpdate, PublishRequest, ServiceVersion, VersionListQuery, VersionPage } from '../../src/contract/versions';
import { ROLE_WRITE_SERVICES } from '../core/auth';
import { conflict, notFound } from '../core/errors';
import { paginate } from '../core/lists';
import { apiPath, AT, domainApi, operation } from '../core/operations';
import { noContent, reply } from '../core/replies';
import { E401, E403, E404, E422 } from '../core/responses';
import { isoNow } from '../core/time';
import { createDraft, createEndpoint, deleteEndpoint, draftOf, publish, sortEndpoints, updateEndpoint } from './rules';

const VERSIONS = apiPath('/orgs/:org_id/workspaces/:workspace_id/hosted-services/:service_id/versions', paths.versions(AT, ':service_id'));
const VERSION = apiPath('/orgs/:org_id/workspaces/:workspace_id/hosted-services/:service_id/versions/:version_id', paths.version(AT, ':service_id', ':version_id'));
const PUBLISH_VERSION = apiPath(
  '/orgs/:org_id/workspaces/:workspace_id/hosted-services/:service_id/versions/:version_id/publish',
  paths.publishVersion(AT, ':service_id', ':version_id'),
);
const PUBLISH_DRAFT = apiPath('/orgs/:org_id/workspaces/:workspace_id/hosted-services/:service_id/publish', paths.publishDraft(AT, ':service_id'));
const ENDPOINTS = apiPath('/orgs/:org_id/workspaces/:workspace_id/hosted-services/:service_id/endpoints', paths.endpoints(AT, ':service_id'));
const ENDPOINT = apiPath('/orgs/:org_id/workspaces/:workspace_id/hosted-services/:service_id/endpoints/:endpoint_id', paths.endpoint(AT, ':service_id', ':endpoint_id'));

const publishes = { roles: ROLE_WRITE_SERVICES, action: 'publish versions' } as const;
const endpointWrites = { tags: ['endpoints'], roles: ROLE_WRITE_SERVICES, action: 'change endpoints' } as const;

export const versionsApi = domainApi([
  operation({
    method: 'get',
    path: VERSIONS,
    operationId: 'listVersions',
    summary: "A service's versions, newest first",
    tags: ['versions'],
    auth: 'bearer',
    query: VersionListQuery,
    responses: { 200: { description: 'A page of versions', schema: VersionPage }, 401: E401, 404: E404, 422: E422 },
    handler: ({ var: { store, service, query } }) => {
      const all = store
        .versionsOf(service.id)
        .reverse()
        .filter((v) => !query.status || v.status === query.status);
      return reply(200, VersionPage, paginate(all, query));
    },
  }),
  operation({
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
    handler: ({ var: { store, service }, req }) => {
      const v = createDraft(store, service, isoNow());
      return reply(201, ServiceVersion, v, { Location: `${req.path}/${v.id}` });
    },
  }),
  operation({
    method: 'get',
    path: VERSION,
    operationId: 'getVersion',
    summary: 'Get a version',
    tags: ['versions'],
    auth: 'bearer',
    responses: { 200: { description: 'The version', schema: ServiceVersion }, 401: E401, 404: E404 },
    handler: ({ var: { version } }) => reply(200, ServiceVersion, version),
  }),
  operation({
    method: 'post',
    path: PUBLISH_VERSION,
    operationId: 'publishVersion',
    summary: 'Publish a draft version: freeze its endpoints and route `traffic_percent` of the traffic to it (irreversible)',
    tags: ['versions'],
    auth: 'bearer',
    ...publishes,
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
    handler: ({ var: { store, service, version, body } }) => reply(200, ServiceVersion, publish(store, service, version, body.traffic_percent, isoNow())),
  }),
  operation({
    method: 'post',
    path: PUBLISH_DRAFT,
    operationId: 'publishDraft',
    summary: "Publish the service's current draft version",
    tags: ['versions'],
    auth: 'bearer',
    ...publishes,
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
    handler: ({ var: { store, service, body } }) => {
      const draft = draftOf(store, service.id);
      if (!draft) throw conflict('This service has no draft version. Create a new version first.');
      return reply(200, ServiceVersion, publish(store, service, draft, body.traffic_percent, isoNow()));
    },
  }),

  operation({
    method: 'get',
    path: ENDPOINTS,
    operationId: 'listEndpoints',
    summary: "A version's endpoints (default: the draft, else the active version), by path",
    tags: ['endpoints'],
    auth: 'bearer',
    query: EndpointListQuery,
    responses: { 200: { description: 'A page of endpoints', schema: EndpointPage }, 401: E401, 404: E404, 422: E422 },
    handler: ({ var: { store, service, query } }) => {
      const all = store.versionsOf(service.id);
      let v;
      if (query.version_id !== undefined) {
        v = store.versionIn(service.id, query.version_id);
        if (!v) throw notFound('Version');
      } else {
        v = all.find((x) => x.status === 'draft') ?? all.find((x) => x.status === 'active') ?? all[all.length - 1];
      }
      return reply(200, EndpointPage, paginate(v ? sortEndpoints(store.endpointsOf(v.id)) : [], query));
    },
  }),
  operation({
    method: 'post',
    path: ENDPOINTS,
    operationId: 'createEndpoint',
    summary: 'Add an endpoint to the draft version',
    auth: 'bearer',
    ...endpointWrites,
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
    handler: ({ var: { store, service, body }, req }) => {
      const rec = createEndpoint(store, service, body, isoNow());
      return reply(201, Endpoint, rec, { Location: `${req.path}/${rec.id}` });
    },
  }),
  operation({
    method: 'put',
    path: ENDPOINT,
    operationId: 'updateEndpoint',
    summary: 'Change an endpoint of the draft version (partial)',
    auth: 'bearer',
    ...endpointWrites,
    body: EndpointUpdate,
    responses: {
      200: { description: 'The updated endpoint', schema: Endpoint },
      401: E401,
      403: E403,
      404: E404,
      409: { description: 'The endpoint belongs to a published version, or the method and path exist' },
      422: E422,
    },
    handler: ({ var: { store, service, endpoint, body } }) => reply(200, Endpoint, updateEndpoint(store, service, endpoint, body, isoNow())),
  }),
  operation({
    method: 'delete',
    path: ENDPOINT,
    operationId: 'deleteEndpoint',
    summary: 'Remove an endpoint from the draft version',
    auth: 'bearer',
    ...endpointWrites,
    responses: { 204: { description: 'Deleted' }, 401: E401, 403: E403, 404: E404, 409: { description: 'The endpoint belongs to a published version' } },
    handler: ({ var: { store, service, endpoint } }) => {
      deleteEndpoint(store, service, endpoint, isoNow());
      return noContent();
    },
  }),
]);
