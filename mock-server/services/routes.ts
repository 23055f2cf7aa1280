/** Hosted services (CONTRACT §2, seed 000, 001): list, create, get, update, delete. */
import { paths } from '../../src/contract/paths';
import { HostedService, ServiceCreate, ServiceListQuery, ServicePage, ServiceUpdate } from '../../src/contract/services';
import { ROLE_WRITE_SERVICES } from '../core/auth';
import { apiPath, AT, domainApi, operation } from '../core/operations';
import { noContent, reply } from '../core/replies';
import { E401, E403, E404, E409, E422 } from '../core/responses';
import { isoNow } from '../core/time';
import { createService, hostedService, updateService } from './rules';

const tags = ['hosted-services'];
const SERVICES = apiPath('/orgs/:org_id/workspaces/:workspace_id/hosted-services', paths.services(AT));
const SERVICE = apiPath('/orgs/:org_id/workspaces/:workspace_id/hosted-services/:service_id', paths.service(AT, ':service_id'));

export const servicesApi = domainApi([
  operation({
    method: 'get',
    path: SERVICES,
    operationId: 'listHostedServices',
    summary: 'List hosted services (search over name and description)',
    tags,
    auth: 'bearer',
    query: ServiceListQuery,
    responses: { 200: { description: 'A page of services', schema: ServicePage }, 401: E401, 404: E404, 422: E422 },
    handler: ({ var: { store, workspace, query } }) => {
      const { items, total } = store.listServices(workspace.id, query);
      return reply(200, ServicePage, { items: items.map((s) => hostedService(store, s)), total, limit: query.limit, offset: query.offset });
    },
  }),
  operation({
    method: 'post',
    path: SERVICES,
    operationId: 'createHostedService',
    summary: 'Create a hosted service (draft, with version 1)',
    tags,
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'create hosted services',
    body: ServiceCreate,
    idempotent: true,
    responses: { 201: { description: 'Created', schema: HostedService }, 401: E401, 403: E403, 404: E404, 409: { description: 'A service with this slug exists in the workspace' }, 422: E422 },
    handler: ({ var: { store, workspace, body }, req }) => {
      const rec = createService(store, workspace, body, isoNow());
      return reply(201, HostedService, hostedService(store, rec), { Location: `${req.path}/${rec.id}` });
    },
  }),
  operation({
    method: 'get',
    path: SERVICE,
    operationId: 'getHostedService',
    summary: 'Get a hosted service',
    tags,
    auth: 'bearer',
    responses: { 200: { description: 'The service', schema: HostedService }, 401: E401, 404: E404 },
    handler: ({ var: { store, service } }) => reply(200, HostedService, hostedService(store, service)),
  }),
  operation({
    method: 'put',
    path: SERVICE,
    operationId: 'updateHostedService',
    summary: 'Update a hosted service (partial; slug is immutable; execution mode only while draft)',
    tags,
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'update hosted services',
    body: ServiceUpdate,
    responses: { 200: { description: 'The updated service', schema: HostedService }, 401: E401, 403: E403, 404: E404, 409: E409, 422: E422 },
    handler: ({ var: { store, workspace, service, body } }) => reply(200, HostedService, hostedService(store, updateService(store, workspace, service, body, isoNow()))),
  }),
  operation({
    method: 'delete',
    path: SERVICE,
    operationId: 'deleteHostedService',
    summary: 'Delete a hosted service and its versions',
    tags,
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'delete hosted services',
    responses: { 204: { description: 'Deleted' }, 401: E401, 403: E403, 404: E404 },
    handler: ({ var: { store, service } }) => {
      // Its versions, endpoints, deployments, credentials and revocations go with it (store.ts `ownedBy`).
      store.services.delete(service.id);
      return noContent();
    },
  }),
]);
