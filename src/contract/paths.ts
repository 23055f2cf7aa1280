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
  versions: (s: Scope, serviceId: string) => `${paths.service(s, serviceId)}/versions`,
  version: (s: Scope, serviceId: string, versionId: string) => `${paths.versions(s, serviceId)}/${enc(versionId)}`,
  publishVersion: (s: Scope, serviceId: string, versionId: string) => `${paths.version(s, serviceId, versionId)}/publish`,
  publishDraft: (s: Scope, serviceId: string) => `${paths.service(s, serviceId)}/publish`,
  endpoints: (s: Scope, serviceId: string) => `${paths.service(s, serviceId)}/endpoints`,
  endpoint: (s: Scope, serviceId: string, endpointId: string) => `${paths.endpoints(s, serviceId)}/${enc(endpointId)}`,
  traffic: (s: Scope, serviceId: string) => `${paths.service(s, serviceId)}/traffic`,
  serviceOpenapi: (s: Scope, serviceId: string) => `${paths.service(s, serviceId)}/openapi.json`,
  stub: (s: Scope, serviceId: string, language: 'python' | 'typescript') => `${paths.service(s, serviceId)}/stubs/${language}`,
};
