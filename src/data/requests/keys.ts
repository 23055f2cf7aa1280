import type { Scope } from '@/contract/paths';
import type { RequestFilters } from '@/contract/requests';
import { serviceKeys } from '../services/keys';

/** A service's request records, composed on the service's key. */
export const requestKeys = {
  all: (s: Scope, serviceId: string) => [...serviceKeys.detail(s, serviceId), 'requests'] as const,
  /** A page of the log: the newest (`before` null), or the one older than a record. */
  page: (s: Scope, serviceId: string, filters: RequestFilters, before: string | null) =>
    [...requestKeys.all(s, serviceId), 'list', filters, before] as const,
  one: (s: Scope, serviceId: string, requestId: string) => [...requestKeys.all(s, serviceId), 'one', requestId] as const,
};
