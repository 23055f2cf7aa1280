import type { Scope } from '@/contract/paths';
import { serviceKeys } from '../services/keys';

/** A service's versions and each version's endpoints, composed on the service's key. */
export const versionKeys = {
  all: (s: Scope, serviceId: string) => [...serviceKeys.detail(s, serviceId), 'versions'] as const,
  list: (s: Scope, serviceId: string) => [...versionKeys.all(s, serviceId), 'list'] as const,
  endpoints: (s: Scope, serviceId: string, versionId: string) => [...versionKeys.all(s, serviceId), versionId, 'endpoints'] as const,
};
