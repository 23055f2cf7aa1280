/**
 * Versions and their endpoints (CONTRACT §3): drafts, publishing, the drain
 * period. A version reads as it stands now on the platform's clock (a drained
 * one reads archived), wherever it is read: through the store's queries.
 */
import * as versions from '../../src/contract/versions';
import { versionAt } from '../../src/contract/traffic-rules';
import { defineDomain } from '../core/domain';
import { ownedBy } from '../core/store';
import { perService } from '../services/collections';
import type { EndpointRecord, VersionRecord } from './records';
import { versionsApi } from './routes';
import { DEFAULT_DRAIN_MS } from './rules';

declare module '../core/store' {
  interface Collections {
    versions: Collection<VersionRecord, 'service'>;
    endpoints: Collection<EndpointRecord, 'version'>;
  }
  interface StoreQueries {
    /** A service's versions, ascending by number, as they read now (a drained version reads archived: the contract's `versionAt`). */
    versionsOf(serviceId: string, now?: number): VersionRecord[];
    /** The service's version, as it reads now (see `versionsOf`). */
    versionIn(serviceId: string, versionId: string, now?: number): VersionRecord | undefined;
    /** A version's endpoints, in insertion order. */
    endpointsOf(versionId: string): EndpointRecord[];
    /** An endpoint of one of the service's versions. */
    endpointIn(serviceId: string, endpointId: string): EndpointRecord | undefined;
  }
}
declare module '../core/context' {
  interface Settings {
    /** How long a version replaced by a 100% publish drains before it reads archived, ms (default 60000; `MOCK_DRAIN_MS`). */
    drainMs: number;
  }
  interface ScopeParams {
    version_id: { var: 'version'; value: VersionRecord };
    endpoint_id: { var: 'endpoint'; value: EndpointRecord };
  }
}

export const versionsDomain = defineDomain({
  name: 'versions',
  apis: [versionsApi],
  collections: {
    versions: perService('versions', (v) => v.id),
    endpoints: ownedBy('versions', 'version', (e: EndpointRecord) => e.version_id)('endpoints', (e) => e.id),
  },
  queries: (store) => {
    const versionIn = (serviceId: string, versionId: string, now = store.clock.now()) => {
      const v = store.versions.get(versionId);
      return v && v.service_id === serviceId ? versionAt(v, now) : undefined;
    };
    return {
      versionsOf: (serviceId, now = store.clock.now()) =>
        store.versions
          .in('service', serviceId)
          .map((v) => versionAt(v, now))
          .sort((a, b) => a.version - b.version),
      versionIn,
      endpointsOf: (versionId) => store.endpoints.in('version', versionId),
      endpointIn: (serviceId, endpointId) => {
        const e = store.endpoints.get(endpointId);
        return e && versionIn(serviceId, e.version_id) ? e : undefined;
      },
    };
  },
  settings: { drainMs: DEFAULT_DRAIN_MS },
  scope: {
    version_id: {
      var: 'version',
      thing: 'Version',
      find: ({ store, id, scope: { service } }) => (service ? store.versionIn(service.id, id) : undefined),
    },
    endpoint_id: {
      var: 'endpoint',
      thing: 'Endpoint',
      find: ({ store, id, scope: { service } }) => (service ? store.endpointIn(service.id, id) : undefined),
    },
  },
  openapi: { schemas: [versions] },
});
