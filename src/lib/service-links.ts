import type { Scope } from '@/contract/paths';

/** A service's overview as Link props (`<Link {...serviceOverview(scope, id)}>`): every way back to it goes to one address. */
export const serviceOverview = (scope: Scope, serviceId: string) =>
  ({ to: '/orgs/$orgId/workspaces/$workspaceId/services/$serviceId', params: { ...scope, serviceId } }) as const;
