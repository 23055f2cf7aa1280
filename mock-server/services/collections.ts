import { ownedBy } from '../core/store';

/**
 * A collection of what a service has (its versions, deployments, jobs,
 * tokens…): one table, records keyed by `key`, grouped by `service_id`
 * (`store.jobs.in('service', id)`) and deleted with their service; `groups`
 * adds indexes of its own.
 */
export const perService = ownedBy('services', 'service', (r: { service_id: string | null }) => r.service_id);
