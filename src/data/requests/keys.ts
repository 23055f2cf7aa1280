import type { Scope } from '@/contract/paths';
import type { RequestFilters } from '@/contract/requests';
import { serviceKeys } from '../services/keys';

/** A service's request records, composed on the service's key. */
export const requestKeys = {
  all: (s: Scope, serviceId: string) => [...serviceKeys.detail(s, serviceId), 'requests'] as const,
  list: (s: Scope, serviceId: string, filters: RequestFilters) => [...requestKeys.all(s, serviceId), 'list', filters] as const,
  one: (s: Scope, serviceId: string, requestId: string) => [...requestKeys.all(s, serviceId), 'one', requestId] as const,
};
