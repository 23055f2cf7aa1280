import type { Scope } from '@/contract/paths';

/**
 * Cloud credentials, rooted at the organization: every service that has none
 * of its own deploys with the organization's, so a change to the organization's
 * record changes what every service's effective credentials say — and
 * `all(orgId)` is exactly that set.
 */
export const credentialKeys = {
  all: (orgId: string) => ['credentials', orgId] as const,
  organization: (orgId: string) => [...credentialKeys.all(orgId), 'organization'] as const,
  /** Every service's effective credentials in the organization. */
  effectiveAll: (orgId: string) => [...credentialKeys.all(orgId), 'effective'] as const,
  effective: (s: Scope, serviceId: string) => [...credentialKeys.effectiveAll(s.orgId), s.workspaceId, serviceId] as const,
};
