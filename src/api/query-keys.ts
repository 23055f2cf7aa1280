import type { Scope } from '@/contract/paths';
import type { ServiceListQuery } from '@/contract/services';

/** Query-key factories per domain, so invalidation is precise and greppable. */
export const authKeys = {
  whoami: () => ['auth', 'whoami'] as const,
};

export const scopeKeys = {
  organizations: () => ['organizations'] as const,
  workspaces: (orgId: string) => ['organizations', orgId, 'workspaces'] as const,
};

export const ringKeys = {
  all: (s: Scope) => ['rings', s.orgId, s.workspaceId] as const,
  list: (s: Scope) => [...ringKeys.all(s), 'list'] as const,
};

export const serviceKeys = {
  all: (s: Scope) => ['services', s.orgId, s.workspaceId] as const,
  lists: (s: Scope) => [...serviceKeys.all(s), 'list'] as const,
  list: (s: Scope, query: ServiceListQuery) => [...serviceKeys.lists(s), query] as const,
  detail: (s: Scope, serviceId: string) => [...serviceKeys.all(s), 'detail', serviceId] as const,
};
