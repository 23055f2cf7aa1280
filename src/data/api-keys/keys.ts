/** Query keys of the organization's API keys (the keys themselves are never cached: shown once). */
export const apiKeyKeys = {
  all: (orgId: string) => ['api-keys', orgId] as const,
  list: (orgId: string) => [...apiKeyKeys.all(orgId), 'list'] as const,
};
