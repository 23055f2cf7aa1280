/** Query keys of organizations and their workspaces (unscoped: CONTRACT §10). */
export const organizationKeys = {
  all: () => ['organizations'] as const,
  list: () => [...organizationKeys.all(), 'list'] as const,
  detail: (orgId: string) => [...organizationKeys.all(), orgId, 'detail'] as const,
  workspaces: (orgId: string) => [...organizationKeys.all(), orgId, 'workspaces'] as const,
};
