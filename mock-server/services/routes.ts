/** Hosted services (CONTRACT §2, seed 000, 001): list, create, get, update, delete. */
import { paths } from '../../src/contract/paths';
import { HostedService, ServiceCreate, ServiceListQuery, ServicePage, ServiceUpdate } from '../../src/contract/services';
import { record } from '../activity/rules';
import { developers } from '../core/auth';
import { del, domainApi, get, post, put, workspacePath } from '../core/operations';
import { servicePath } from './paths';
import { noContent, reply } from '../core/replies';
import { E409 } from '../core/responses';
import { changedFields, createService, FIELD_WORDS, hostedService, updateService } from './rules';

const SERVICES = workspacePath('/hosted-services', paths.services);
const SERVICE = servicePath('', paths.service);

export const servicesApi = domainApi(
  ['hosted-services'],
  [
    get(SERVICES, 'listHostedServices', 'List hosted services (search over name and description)', {
      query: ServiceListQuery,
      responses: { 200: { description: 'A page of services', schema: ServicePage } },
      handler: ({ var: { store, workspace, query } }) => {
        const { items, total } = store.serviceSearch.list(workspace.id, query);
        return reply(200, ServicePage, {
          items: items.map((s) => hostedService(store, s)),
          total,
          limit: query.limit,
          offset: query.offset,
        });
      },
    }),
    post(SERVICES, 'createHostedService', 'Create a hosted service (draft, with version 1)', {
      allow: developers('create hosted services'),
      body: ServiceCreate,
      idempotent: true,
      responses: {
        201: { description: 'Created', schema: HostedService },
        409: { description: 'A service with this slug exists in the workspace' },
      },
      handler: ({ var: { store, workspace, body, principal }, req }) => {
        const rec = createService(store, workspace, body, store.clock.iso());
        record(store, rec.id, principal.user, {
          kind: 'service.created',
          summary: `Created ${rec.name} (${rec.execution_mode}), with version 1 as a draft`,
          version: 1,
        });
        return reply(201, HostedService, hostedService(store, rec), { Location: `${req.path}/${rec.id}` });
      },
    }),
    get(SERVICE, 'getHostedService', 'Get a hosted service', {
      responses: { 200: { description: 'The service', schema: HostedService } },
      handler: ({ var: { store, service } }) => reply(200, HostedService, hostedService(store, service)),
    }),
    put(SERVICE, 'updateHostedService', 'Update a hosted service (partial; slug is immutable; execution mode only while draft)', {
      allow: developers('update hosted services'),
      body: ServiceUpdate,
      responses: { 200: { description: 'The updated service', schema: HostedService }, 409: E409 },
      handler: ({ var: { store, workspace, service, body, principal } }) => {
        const saved = updateService(store, workspace, service, body, store.clock.iso());
        const fields = changedFields(service, saved);
        if (fields.length)
          record(store, service.id, principal.user, {
            kind: 'service.updated',
            summary: `Changed ${fields.map((f) => FIELD_WORDS[f] ?? f).join(', ')}`,
            fields,
          });
        return reply(200, HostedService, hostedService(store, saved));
      },
    }),
    del(SERVICE, 'deleteHostedService', 'Delete a hosted service and its versions', {
      allow: developers('delete hosted services'),
      responses: { 204: { description: 'Deleted' } },
      handler: ({ var: { store, service } }) => {
        // Its versions, endpoints, deployments, credentials and revocations go with it (store.ts `ownedBy`).
        store.services.delete(service.id);
        return noContent();
      },
    }),
  ],
);
