/** The console's own URLs, for `page.goto` (the platform's are in the contract's paths). */
import type { Scope } from '../../src/contract/paths';
import { SCOPE } from './platform';

export const workspaceUrl = (
  page: 'services' | 'agents' | 'connectors' | 'rings' | 'users' | 'credentials' | 'api-keys' | 'organization',
  scope: Scope = SCOPE,
) => `/orgs/${scope.orgId}/workspaces/${scope.workspaceId}/${page}`;
export const SERVICES_URL = workspaceUrl('services');
export const serviceUrl = (service: { id: string }, tab?: string) => `${SERVICES_URL}/${service.id}${tab ? `/${tab}` : ''}`;
