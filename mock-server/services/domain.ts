/**
 * Hosted services (CONTRACT §2): a workspace's services, found by id within
 * it (`:service_id`) and by slug, and searched (search.ts: the services' own
 * indexes). A service's versions come with it in the seed (seed.ts).
 */
import * as services from '../../src/contract/services';
import { defineDomain } from '../core/domain';
import { byId } from '../core/store';
import { unlessEmpty } from '../core/seed';
import type { ServiceRecord } from './records';
import { servicesApi } from './routes';
import { ServiceSearch } from './search';
import { demoServices, largeServices } from './seed';

declare module '../core/store' {
  interface Collections {
    services: Collection<ServiceRecord, 'workspace'>;
  }
  interface StoreQueries {
    /** The service, if it is the workspace's. */
    serviceIn(workspaceId: string, serviceId: string): ServiceRecord | undefined;
    serviceBySlug(workspaceId: string, slug: string): ServiceRecord | undefined;
    /** The list's search: filtered, searched, sorted pages of a workspace's services. */
    serviceSearch: ServiceSearch;
  }
}
declare module '../core/context' {
  interface ScopeParams {
    service_id: { var: 'service'; value: ServiceRecord };
  }
}

export const servicesDomain = defineDomain({
  name: 'services',
  apis: [servicesApi],
  collections: {
    services: byId('services', { workspace: (s) => s.workspace_id }),
  },
  queries: (store) => {
    const search = new ServiceSearch(store.services);
    store.onClear(() => search.clear());
    return {
      serviceIn: (workspaceId, serviceId) => {
        const s = store.services.get(serviceId);
        return s && s.workspace_id === workspaceId ? s : undefined;
      },
      serviceBySlug: (workspaceId, slug) => search.bySlug(workspaceId, slug),
      serviceSearch: search,
    };
  },
  seed: unlessEmpty(({ name, ago, base, extraServices }) => {
    const demo = demoServices(ago);
    const large = name === 'large' ? largeServices(extraServices, base) : { services: [], versions: [] };
    return { services: [...demo.services, ...large.services], versions: [...demo.versions, ...large.versions], endpoints: demo.endpoints };
  }),
  scope: {
    service_id: {
      var: 'service',
      thing: 'Service',
      find: ({ store, id, scope: { workspace } }) => (workspace ? store.serviceIn(workspace.id, id) : undefined),
    },
  },
  openapi: { schemas: [services] },
});
