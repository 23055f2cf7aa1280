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

export const deploymentKeys = {
  status: (s: Scope, serviceId: string) => ['services', s.orgId, s.workspaceId, 'detail', serviceId, 'deployment-status'] as const,
  history: (s: Scope, serviceId: string) => ['services', s.orgId, s.workspaceId, 'detail', serviceId, 'deployments'] as const,
};

export const credentialKeys = {
  effective: (s: Scope, serviceId: string) => ['services', s.orgId, s.workspaceId, 'detail', serviceId, 'credentials'] as const,
  organization: (orgId: string) => ['organizations', orgId, 'cloud-credentials'] as const,
};

export const connectorKeys = {
  all: (s: Scope) => ['connectors', s.orgId, s.workspaceId] as const,
  types: (s: Scope) => [...connectorKeys.all(s), 'types'] as const,
  instances: (s: Scope, connectorId: string) => [...connectorKeys.all(s), connectorId, 'instances'] as const,
};

export const tokenKeys = {
  revocations: (s: Scope, serviceId: string, includeExpired: boolean) =>
    ['services', s.orgId, s.workspaceId, 'detail', serviceId, 'revocations', includeExpired] as const,
};
