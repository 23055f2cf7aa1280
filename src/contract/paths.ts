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
  /** Seed 001: start single sign-on. */
  ssoInitiate: () => '/auth/sso/initiate',
  /** Our extension: finish single sign-on with the identity provider's code. */
  ssoCallback: () => '/auth/sso/callback',
  /** Our extension: accept an invitation with its one-time token. */
  invitationAccept: () => '/auth/invitations/accept',
  /** Seed 001: the caller's organization's users (no `/orgs/{org_id}` in the seed's path). */
  users: () => '/users',
  userInvite: () => '/users/invite',
  usersMe: () => '/users/me',
  user: (userId: string) => `/users/${enc(userId)}`,
  organizations: () => '/organizations',
  organization: (orgId: string) => `/organizations/${enc(orgId)}`,
  workspaces: (orgId: string) => `${paths.organization(orgId)}/workspaces`,
  apiKeys: (orgId: string) => `${paths.organization(orgId)}/api-keys`,
  apiKey: (orgId: string, keyId: string) => `${paths.apiKeys(orgId)}/${enc(keyId)}`,
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
  deploy: (s: Scope, serviceId: string) => `${paths.service(s, serviceId)}/deploy`,
  build: (s: Scope, serviceId: string) => `${paths.service(s, serviceId)}/build`,
  teardown: (s: Scope, serviceId: string) => `${paths.service(s, serviceId)}/teardown`,
  deploymentStatus: (s: Scope, serviceId: string) => `${paths.service(s, serviceId)}/deployment-status`,
  deployments: (s: Scope, serviceId: string) => `${paths.service(s, serviceId)}/deployments`,
  serviceCredentials: (s: Scope, serviceId: string) => `${paths.service(s, serviceId)}/service-credentials`,
  /** The documented organization-level write (seed 000), reached through a service. */
  orgCredentialsViaService: (s: Scope, serviceId: string) => `${paths.service(s, serviceId)}/credentials`,
  effectiveCredentials: (s: Scope, serviceId: string) => `${paths.service(s, serviceId)}/effective-credentials`,
  orgCloudCredentials: (orgId: string) => `/orgs/${enc(orgId)}/cloud-credentials`,
  connectorTypes: (s: Scope) => `${paths.workspaceBase(s)}/connectors`,
  connectorType: (s: Scope, connectorId: string) => `${paths.connectorTypes(s)}/${enc(connectorId)}`,
  instances: (s: Scope, connectorId: string) => `${paths.connectorType(s, connectorId)}/instances`,
  instance: (s: Scope, connectorId: string, instanceId: string) => `${paths.instances(s, connectorId)}/${enc(instanceId)}`,
  instanceTest: (s: Scope, connectorId: string, instanceId: string) => `${paths.instance(s, connectorId, instanceId)}/test`,
  /** Execute a connector operation (seed 001). */
  executeOperation: (s: Scope, connectorId: string, instanceId: string, operationId: string) =>
    `${paths.instance(s, connectorId, instanceId)}/operations/${enc(operationId)}/execute`,
  /** Our extension: a large write's job. */
  instanceJob: (s: Scope, connectorId: string, instanceId: string, jobId: string) =>
    `${paths.instance(s, connectorId, instanceId)}/jobs/${enc(jobId)}`,
  /** Our extension (seed 002, 004 name `execute_ddl`, not its path): preview or run DDL; `GET` lists what ran. */
  instanceDdl: (s: Scope, connectorId: string, instanceId: string) => `${paths.instance(s, connectorId, instanceId)}/ddl`,
  serviceTokens: (s: Scope, serviceId: string) => `${paths.service(s, serviceId)}/service-tokens`,
  mintToken: (s: Scope, serviceId: string) => `${paths.serviceTokens(s, serviceId)}/mint`,
  revokeToken: (s: Scope, serviceId: string) => `${paths.serviceTokens(s, serviceId)}/revoke`,
  revokeAllTokens: (s: Scope, serviceId: string) => `${paths.serviceTokens(s, serviceId)}/revoke-all`,
  revocations: (s: Scope, serviceId: string) => `${paths.serviceTokens(s, serviceId)}/revocations`,
  /** Our extension: who did what to the service, newest first. */
  activity: (s: Scope, serviceId: string) => `${paths.service(s, serviceId)}/activity`,
  /** Our extension (CONTRACT §12): the calls the gateway answered for the service, newest first. */
  requests: (s: Scope, serviceId: string) => `${paths.service(s, serviceId)}/requests`,
  request: (s: Scope, serviceId: string, requestId: string) => `${paths.requests(s, serviceId)}/${enc(requestId)}`,
  /** Server-sent events: each new record as it is made (`Last-Event-ID` resumes). */
  requestStream: (s: Scope, serviceId: string) => `${paths.requests(s, serviceId)}/stream`,
  /** Our extension (CONTRACT §12): request counts, errors and latency per version over a window. */
  metrics: (s: Scope, serviceId: string) => `${paths.service(s, serviceId)}/metrics`,
  /** Our extension (CONTRACT §12): each service's totals over a window, for a list page in one call. */
  serviceMetrics: (s: Scope) => `${paths.workspaceBase(s)}/service-metrics`,
  /** Our extension (CONTRACT §13): progressive rollouts of a service, newest first; `POST` starts one. */
  rollouts: (s: Scope, serviceId: string) => `${paths.service(s, serviceId)}/rollouts`,
  rollout: (s: Scope, serviceId: string, rolloutId: string) => `${paths.rollouts(s, serviceId)}/${enc(rolloutId)}`,
  /** Our extension (CONTRACT §13): each service's newest rollout, for a list page in one call. */
  serviceRollouts: (s: Scope) => `${paths.workspaceBase(s)}/service-rollouts`,
  /** `POST`: a person's decision on an unfinished rollout. */
  rolloutAction: (s: Scope, serviceId: string, rolloutId: string, action: 'pause' | 'resume' | 'promote' | 'abort') =>
    `${paths.rollout(s, serviceId, rolloutId)}/${action}`,
  /** The service gateway (seed 001): `*` on any path; `v{N}/…` pins version N (`gatewayPinned`). */
  gateway: (orgId: string, serviceId: string, path: string) => `/orgs/${enc(orgId)}/services/${enc(serviceId)}/${path.replace(/^\/+/, '')}`,
  gatewayPinned: (orgId: string, serviceId: string, version: number, path: string) =>
    paths.gateway(orgId, serviceId, `v${version}/${path.replace(/^\/+/, '')}`),
  /** Submit an async job (seed 001): `POST`; `async/v{N}/…` pins version N. */
  gatewayAsync: (orgId: string, serviceId: string, path: string, version?: number) =>
    paths.gateway(orgId, serviceId, `async/${version === undefined ? '' : `v${version}/`}${path.replace(/^\/+/, '')}`),
  jobs: (s: Scope, serviceId: string) => `${paths.service(s, serviceId)}/jobs`,
  job: (s: Scope, serviceId: string, jobId: string) => `${paths.jobs(s, serviceId)}/${enc(jobId)}`,
  jobsBatch: (s: Scope, serviceId: string) => `${paths.jobs(s, serviceId)}/batch`,
  cancelJob: (s: Scope, serviceId: string, jobId: string) => `${paths.job(s, serviceId, jobId)}/cancel`,
};

/**
 * Seed 003's own base for agent deployments: `/v1` beside `/api/v1` (the
 * console reaches it through its own origin too; `VITE_AGENT_API_BASE_URL`).
 */
export const AGENT_API_BASE = '/v1';

/** Agent deployment paths, relative to `AGENT_API_BASE`. Only `services` (its POST) is documented (seed 003); the rest are our extensions. */
export const agentPaths = {
  deployments: () => '/agent-deployments',
  deployment: (deploymentId: string) => `/agent-deployments/${enc(deploymentId)}`,
  services: (deploymentId: string) => `${agentPaths.deployment(deploymentId)}/services`,
  service: (deploymentId: string, serviceId: string) => `${agentPaths.services(deploymentId)}/${enc(serviceId)}`,
  stop: (deploymentId: string, serviceId: string) => `${agentPaths.service(deploymentId, serviceId)}/stop`,
};
