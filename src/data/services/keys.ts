import type { Scope } from '@/contract/paths';
import type { ServiceListQuery } from '@/contract/services';

/**
 * Query keys of a workspace's services. A service's sub-resources (versions,
 * deployments, tokens, stubs) compose their keys on `detail(scope, id)`, so
 * removing a deleted service's detail removes them too.
 */
export const serviceKeys = {
  all: (s: Scope) => ['services', s.orgId, s.workspaceId] as const,
  lists: (s: Scope) => [...serviceKeys.all(s), 'list'] as const,
  list: (s: Scope, query: ServiceListQuery) => [...serviceKeys.lists(s), query] as const,
  /** Which services use which ring: read from the list, so it refreshes with every change to the services. */
  ringUsage: (s: Scope) => [...serviceKeys.lists(s), 'ring-usage'] as const,
  detail: (s: Scope, serviceId: string) => [...serviceKeys.all(s), 'detail', serviceId] as const,
};

/** The service record alone, not the sub-resources whose keys are composed on it. */
export const serviceRecord = (s: Scope, serviceId: string) => ({ queryKey: serviceKeys.detail(s, serviceId), exact: true });
