/** Query keys of the organization's API keys (the keys themselves are never cached: shown once). */
export const apiKeyKeys = {
  all: (orgId: string) => ['api-keys', orgId] as const,
  /** Every page of the list (what a create or a revoke refreshes). */
  list: (orgId: string) => [...apiKeyKeys.all(orgId), 'list'] as const,
  page: (orgId: string, query: ApiKeyPageQuery) => [...apiKeyKeys.list(orgId), query] as const,
};

/** What the API keys page asks for: a page, maybe a search. */
export type ApiKeyPageQuery = { limit: number; offset: number; search?: string };
