/** Persistent deployments (CONTRACT §4, seed 000): deploy, build, teardown, status and history. */
import { DeployQuery, Deployment, DeploymentListQuery, DeploymentPage, DeploymentStatusDetails } from '../../src/contract/deployments';
import { paths } from '../../src/contract/paths';
import { ROLE_WRITE_SERVICES } from '../core/auth';
import { paginate } from '../core/lists';
import { apiPath, AT, domainApi, operation } from '../core/operations';
import { reply } from '../core/replies';
import { E401, E403, E404, E422 } from '../core/responses';
import { deploymentStatus, deploymentsOf, startDeployment, teardown, toDeployment } from './rules';

const tags = ['deployments'];
const DEPLOY = apiPath('/orgs/:org_id/workspaces/:workspace_id/hosted-services/:service_id/deploy', paths.deploy(AT, ':service_id'));
const BUILD = apiPath('/orgs/:org_id/workspaces/:workspace_id/hosted-services/:service_id/build', paths.build(AT, ':service_id'));
const TEARDOWN = apiPath('/orgs/:org_id/workspaces/:workspace_id/hosted-services/:service_id/teardown', paths.teardown(AT, ':service_id'));
const STATUS = apiPath('/orgs/:org_id/workspaces/:workspace_id/hosted-services/:service_id/deployment-status', paths.deploymentStatus(AT, ':service_id'));
const HISTORY = apiPath('/orgs/:org_id/workspaces/:workspace_id/hosted-services/:service_id/deployments', paths.deployments(AT, ':service_id'));

const E409_DEPLOY = { description: 'Not a persistent service, no published version, or a build or deploy is already in progress' };
const STARTED = { description: 'Started: the deployment record (it moves through its states on the clock)', schema: Deployment };

export const deploymentsApi = domainApi([
  operation({
    method: 'post',
    path: DEPLOY,
    operationId: 'deployService',
    summary: 'Build the active version and deploy it (`?build=false`: deploy the last built image)',
    tags,
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'deploy services',
    query: DeployQuery,
    idempotent: true,
    responses: { 202: STARTED, 401: E401, 403: E403, 404: E404, 409: { description: `${E409_DEPLOY.description}, or (build=false) no built image` }, 422: E422 },
    handler: ({ var: { store, service, principal, query, platform } }) =>
      reply(202, Deployment, toDeployment(startDeployment(store, service, { kind: 'deploy', build: query.build, user: principal.user, phaseMs: platform.deployPhaseMs }))),
  }),
  operation({
    method: 'post',
    path: BUILD,
    operationId: 'buildService',
    summary: 'Build an image of the active version without deploying it (ends `built`)',
    tags,
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'build services',
    idempotent: true,
    responses: { 202: STARTED, 401: E401, 403: E403, 404: E404, 409: E409_DEPLOY },
    handler: ({ var: { store, service, principal, platform } }) =>
      reply(202, Deployment, toDeployment(startDeployment(store, service, { kind: 'build', build: true, user: principal.user, phaseMs: platform.deployPhaseMs }))),
  }),
  operation({
    method: 'post',
    path: TEARDOWN,
    operationId: 'teardownService',
    summary: 'Stop the running container',
    tags,
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
    handler: ({ var: { store, service, principal } }) => reply(202, Deployment, toDeployment(teardown(store, service, principal.user))),
  }),
  operation({
    method: 'get',
    path: STATUS,
    operationId: 'getDeploymentStatus',
    summary:
      'The latest build or deploy attempt (`deployment_state`, `message`), the serving container’s health, and whether it runs the active version (`synced`); `serving_version` and `in_progress` are additions',
    tags,
    auth: 'bearer',
    responses: { 200: { description: 'The status', schema: DeploymentStatusDetails }, 401: E401, 404: E404 },
    handler: ({ var: { store, service } }) => {
      const active = store.versionsOf(service.id).find((v) => v.status === 'active');
      return reply(200, DeploymentStatusDetails, deploymentStatus(store, service, active));
    },
  }),
  operation({
    method: 'get',
    path: HISTORY,
    operationId: 'listDeployments',
    summary: "Extension: the service's builds, deploys and teardowns, newest first, with their events",
    tags,
    auth: 'bearer',
    query: DeploymentListQuery,
    extension: true,
    responses: { 200: { description: 'A page of deployments', schema: DeploymentPage }, 401: E401, 404: E404, 422: E422 },
    handler: ({ var: { store, service, query } }) => {
      const now = Date.now();
      const page = paginate([...deploymentsOf(store, service.id)].reverse(), query);
      return reply(200, DeploymentPage, { ...page, items: page.items.map((d) => toDeployment(d, now)) });
    },
  }),
]);
