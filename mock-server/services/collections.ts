import type { CollectionSpec } from '../core/store';

/**
 * A collection of what a service has (its versions, deployments, jobs,
 * tokens…): one table, records keyed by `key`, grouped by `service_id`
 * (`store.jobs.in('service', id)`) and deleted with their service; `groups`
 * adds indexes of its own.
 */
export function perService<T extends { service_id: string | null }, G extends string = never>(
  table: string,
  key: (record: T) => string,
  groups?: Record<G, (record: T) => string | null>,
): CollectionSpec<T, 'service' | G> {
  return {
    table,
    key,
    groups: { service: (r: T) => r.service_id, ...groups } as Record<'service' | G, (record: T) => string | null>,
    ownedBy: { collection: 'services', group: 'service' },
  };
}
