/**
 * The platform's paths (seed 000, 001; CONTRACT §1), relative to the API base
 * (`…/api/v1`). Built here once so the console and the mock cannot disagree.
 */
export type Scope = { orgId: string; workspaceId: string };

const enc = encodeURIComponent;

export const paths = {
  login: () => '/auth/login',
  refresh: () => '/auth/refresh',
  logout: () => '/auth/logout',
  whoami: () => '/auth/whoami',
  apiKeyExchange: () => '/auth/api-keys/exchange',
  organizations: () => '/organizations',
  workspaces: (orgId: string) => `/organizations/${enc(orgId)}/workspaces`,
  workspaceBase: (s: Scope) => `/orgs/${enc(s.orgId)}/workspaces/${enc(s.workspaceId)}`,
  rings: (s: Scope) => `${paths.workspaceBase(s)}/deployments/rings`,
  ring: (s: Scope, ringId: string) => `${paths.rings(s)}/${enc(ringId)}`,
  services: (s: Scope) => `${paths.workspaceBase(s)}/hosted-services`,
  service: (s: Scope, serviceId: string) => `${paths.services(s)}/${enc(serviceId)}`,
};
