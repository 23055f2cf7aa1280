/**
 * Persistent deployments (CONTRACT §4) and cloud credentials (CONTRACT §5).
 * Part of the one route table (routes.ts); the rules live in deployments.ts
 * and credentials.ts.
 */
import { CredentialsInfo, CredentialsWrite, EffectiveCredentials, OrganizationCredentials } from '../src/contract/credentials';
import { DeployQuery, Deployment, DeploymentListQuery, DeploymentPage, DeploymentStatusDetails } from '../src/contract/deployments';
import { paths, type Scope } from '../src/contract/paths';
import { ROLE_ADMIN, ROLE_WRITE_SERVICES } from './auth';
import { deleteServiceCredentials, effectiveCredentials, organizationCredentials, putCredentials, serviceRecord, toInfo } from './credentials';
import { deploymentStatus, deploymentsOf, startDeployment, teardown, toDeployment } from './deployments';
import { HttpError } from './errors';
import { defineRoute, must, noContent, reply, type AnyRoute } from './route';

const hono = (p: string) => decodeURIComponent(p);
const SCOPE: Scope = { orgId: ':org_id', workspaceId: ':workspace_id' };
const SID = ':service_id';

const E401 = { description: 'Not authenticated, or the token is invalid or expired' };
const E403 = { description: "The caller's role may not do this" };
const E404 = { description: 'Not found' };
const E422 = { description: 'Validation error' };
const E409_DEPLOY = {
  description: 'Not a persistent service, no published version, or a build or deploy is already in progress',
};

const DEPLOY_202 = { description: 'Started: the deployment record (it moves through its states on the clock)', schema: Deployment };

export const DEPLOY_ROUTES: AnyRoute[] = [
  // ---- persistent deployments ---------------------------------------------------
  defineRoute({
    method: 'post',
    path: hono(paths.deploy(SCOPE, SID)),
    operationId: 'deployService',
    summary: 'Build the active version and deploy it (`?build=false`: deploy the last built image)',
    tags: ['deployments'],
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'deploy services',
    query: DeployQuery,
    idempotent: true,
    responses: {
      202: DEPLOY_202,
      401: E401,
      403: E403,
      404: E404,
      409: { description: `${E409_DEPLOY.description}, or (build=false) no built image` },
      422: E422,
    },
    handler: ({ store, service, principal, query, platform }) => {
      const d = startDeployment(store, must(service), { kind: 'deploy', build: query.build, user: must(principal).user, phaseMs: platform.deployPhaseMs });
      return reply(202, Deployment, toDeployment(d));
    },
  }),
  defineRoute({
    method: 'post',
    path: hono(paths.build(SCOPE, SID)),
    operationId: 'buildService',
    summary: 'Build an image of the active version without deploying it (ends `built`)',
    tags: ['deployments'],
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'build services',
    idempotent: true,
    responses: { 202: DEPLOY_202, 401: E401, 403: E403, 404: E404, 409: E409_DEPLOY },
    handler: ({ store, service, principal, platform }) => {
      const d = startDeployment(store, must(service), { kind: 'build', build: true, user: must(principal).user, phaseMs: platform.deployPhaseMs });
      return reply(202, Deployment, toDeployment(d));
    },
  }),
  defineRoute({
    method: 'post',
    path: hono(paths.teardown(SCOPE, SID)),
    operationId: 'teardownService',
    summary: 'Stop the running container',
    tags: ['deployments'],
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'tear down services',
    idempotent: true,
    responses: {
      202: { description: 'The teardown record', schema: Deployment },
      401: E401,
      403: E403,
      404: E404,
      409: { description: 'Not a persistent service, nothing is deployed, or a build or deploy is in progress' },
    },
    handler: ({ store, service, principal }) => reply(202, Deployment, toDeployment(teardown(store, must(service), must(principal).user))),
  }),
  defineRoute({
    method: 'get',
    path: hono(paths.deploymentStatus(SCOPE, SID)),
    operationId: 'getDeploymentStatus',
    summary:
      'The latest build or deploy attempt (`deployment_state`, `message`), the serving container’s health, and whether it runs the active version (`synced`); `serving_version` and `in_progress` are additions',
    tags: ['deployments'],
    auth: 'bearer',
    responses: { 200: { description: 'The status', schema: DeploymentStatusDetails }, 401: E401, 404: E404 },
    handler: ({ store, service }) => {
      const s = must(service);
      const active = store.versionsOf(s.id).find((v) => v.status === 'active');
      return reply(200, DeploymentStatusDetails, deploymentStatus(store, s, active));
    },
  }),
  defineRoute({
    method: 'get',
    path: hono(paths.deployments(SCOPE, SID)),
    operationId: 'listDeployments',
    summary: "Extension: the service's builds, deploys and teardowns, newest first, with their events",
    tags: ['deployments'],
    auth: 'bearer',
    query: DeploymentListQuery,
    extension: true,
    responses: { 200: { description: 'A page of deployments', schema: DeploymentPage }, 401: E401, 404: E404, 422: E422 },
    handler: ({ store, service, query }) => {
      const now = Date.now();
      const all = [...deploymentsOf(store, must(service).id)].reverse();
      const items = all.slice(query.offset, query.offset + query.limit).map((d) => toDeployment(d, now));
      return reply(200, DeploymentPage, { items, total: all.length, limit: query.limit, offset: query.offset });
    },
  }),

  // ---- cloud credentials ----------------------------------------------------------
  defineRoute({
    method: 'get',
    path: hono(paths.serviceCredentials(SCOPE, SID)),
    operationId: 'getServiceCredentials',
    summary: "The service's own credentials: metadata and fingerprint only (the secret is write-only)",
    tags: ['credentials'],
    auth: 'bearer',
    responses: { 200: { description: 'The credentials', schema: CredentialsInfo }, 401: E401, 404: { description: 'Not found, or the service has no credentials of its own' } },
    handler: ({ store, service }) => {
      const rec = serviceRecord(store, must(service).id);
      if (!rec) throw new HttpError(404, 'This service has no credentials of its own');
      return reply(200, CredentialsInfo, toInfo(rec));
    },
  }),
  defineRoute({
    method: 'put',
    path: hono(paths.serviceCredentials(SCOPE, SID)),
    operationId: 'putServiceCredentials',
    summary: "Set the service's own credentials; they take precedence over the organization's",
    tags: ['credentials'],
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'change service credentials',
    body: CredentialsWrite,
    responses: { 200: { description: 'The stored credentials (without the secret)', schema: CredentialsInfo }, 401: E401, 403: E403, 404: E404, 422: E422 },
    handler: ({ store, service, body, principal }) => {
      const rec = putCredentials(store, { scope: 'service', service: must(service) }, body, must(principal).user.email);
      return reply(200, CredentialsInfo, toInfo(rec));
    },
  }),
  defineRoute({
    method: 'delete',
    path: hono(paths.serviceCredentials(SCOPE, SID)),
    operationId: 'deleteServiceCredentials',
    summary: "Remove the service's own credentials; the organization's apply again",
    tags: ['credentials'],
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'change service credentials',
    responses: { 204: { description: 'Removed' }, 401: E401, 403: E403, 404: { description: 'Not found, or the service has no credentials of its own' } },
    handler: ({ store, service }) => {
      if (!deleteServiceCredentials(store, must(service).id)) throw new HttpError(404, 'This service has no credentials of its own');
      return noContent();
    },
  }),
  defineRoute({
    method: 'put',
    path: hono(paths.orgCredentialsViaService(SCOPE, SID)),
    operationId: 'putOrganizationCredentialsViaService',
    summary: "Set the organization's credentials, shared by every service (the documented path; admin only)",
    tags: ['credentials'],
    auth: 'bearer',
    roles: ROLE_ADMIN,
    action: 'manage organization credentials',
    body: CredentialsWrite,
    responses: { 200: { description: "The organization's credentials and the services that override them", schema: OrganizationCredentials }, 401: E401, 403: E403, 404: E404, 422: E422 },
    handler: ({ store, org, body, principal }) => {
      const orgId = must(org).id;
      putCredentials(store, { scope: 'organization', orgId }, body, must(principal).user.email);
      return reply(200, OrganizationCredentials, organizationCredentials(store, orgId));
    },
  }),
  defineRoute({
    method: 'get',
    path: hono(paths.effectiveCredentials(SCOPE, SID)),
    operationId: 'getEffectiveCredentials',
    summary: "Extension: the credentials in force for the service (its own, else the organization's) and both records",
    tags: ['credentials'],
    auth: 'bearer',
    extension: true,
    responses: { 200: { description: 'The credentials in force', schema: EffectiveCredentials }, 401: E401, 404: E404 },
    handler: ({ store, service }) => reply(200, EffectiveCredentials, effectiveCredentials(store, must(service))),
  }),
  defineRoute({
    method: 'get',
    path: hono(paths.orgCloudCredentials(':org_id')),
    operationId: 'getOrganizationCredentials',
    summary: "The organization's credentials (metadata only) and the services that override them (admin only)",
    tags: ['credentials'],
    auth: 'bearer',
    roles: ROLE_ADMIN,
    action: 'manage organization credentials',
    responses: { 200: { description: "The organization's credentials", schema: OrganizationCredentials }, 401: E401, 403: E403, 404: E404 },
    handler: ({ store, org }) => reply(200, OrganizationCredentials, organizationCredentials(store, must(org).id)),
  }),
  defineRoute({
    method: 'put',
    path: hono(paths.orgCloudCredentials(':org_id')),
    operationId: 'putOrganizationCredentials',
    summary: "Set the organization's credentials, shared by every service (admin only)",
    tags: ['credentials'],
    auth: 'bearer',
    roles: ROLE_ADMIN,
    action: 'manage organization credentials',
    body: CredentialsWrite,
    responses: { 200: { description: "The organization's credentials and the services that override them", schema: OrganizationCredentials }, 401: E401, 403: E403, 404: E404, 422: E422 },
    handler: ({ store, org, body, principal }) => {
      const orgId = must(org).id;
      putCredentials(store, { scope: 'organization', orgId }, body, must(principal).user.email);
      return reply(200, OrganizationCredentials, organizationCredentials(store, orgId));
    },
  }),
];
