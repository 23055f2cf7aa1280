import type { Scope } from '@/contract/paths';

/** The workspace's connector catalog and instances. */
export const connectorKeys = {
  all: (s: Scope) => ['connectors', s.orgId, s.workspaceId] as const,
  types: (s: Scope) => [...connectorKeys.all(s), 'types'] as const,
  instances: (s: Scope, connectorId: string) => [...connectorKeys.all(s), 'instances', connectorId] as const,
  /** A page of one type's instances, as the Connectors page asks for it (under the type's list: what changes it refreshes it). */
  instancePage: (s: Scope, connectorId: string, query: InstancePageQuery) =>
    [...connectorKeys.instances(s, connectorId), 'page', query] as const,
  /** One instance, under its type's list: what changes the list refreshes it too. */
  instance: (s: Scope, connectorId: string, instanceId: string) => [...connectorKeys.instances(s, connectorId), instanceId] as const,
  /** Every instance across the catalog, as the Bindings tab picks from them. */
  allInstances: (s: Scope) => [...connectorKeys.all(s), 'all-instances'] as const,
};

/** What the Connectors page asks for: a page of a type's instances, maybe a search. */
export type InstancePageQuery = { limit: number; offset: number; search?: string };
