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

export const versionKeys = {
  all: (s: Scope, serviceId: string) => ['services', s.orgId, s.workspaceId, 'detail', serviceId, 'versions'] as const,
  list: (s: Scope, serviceId: string) => [...versionKeys.all(s, serviceId), 'list'] as const,
  endpoints: (s: Scope, serviceId: string, versionId: string) => [...versionKeys.all(s, serviceId), versionId, 'endpoints'] as const,
  stub: (s: Scope, serviceId: string, language: string, version: number) => [...versionKeys.all(s, serviceId), 'stub', language, version] as const,
};
