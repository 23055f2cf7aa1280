/** Persistent deployments (CONTRACT §4, seed 000): deploy, build, teardown, status and history. */
import { DeployQuery, Deployment, DeploymentListQuery, DeploymentPage, DeploymentStatusDetails } from '../../src/contract/deployments';
import { paths } from '../../src/contract/paths';
import { record } from '../activity/rules';
import { developers } from '../core/auth';
import type { Platform, Principal } from '../core/context';
import { listPage, time, type ListSpec } from '../core/lists';
import { domainApi, get, post } from '../core/operations';
import { servicePath } from '../services/paths';
import { reply, type Reply } from '../core/replies';
import type { DeploymentRecord } from './records';
import type { ServiceRecord } from '../services/records';
import type { Store } from '../core/store';
import { deploymentStatus, deploymentsOf, startDeployment, teardown, toDeployment, type StartOptions } from './rules';

const DEPLOY = servicePath('/deploy', paths.deploy);
const BUILD = servicePath('/build', paths.build);
const TEARDOWN = servicePath('/teardown', paths.teardown);
const STATUS = servicePath('/deployment-status', paths.deploymentStatus);
const HISTORY = servicePath('/deployments', paths.deployments);

/**
 * Start a build or a deploy and answer its record; record the start, and its
 * outcome at the time it is planned for (activity/rules.ts): listed once that
 * time has come, so the timeline needs nothing to run later.
 */
function start(
  { store, service, principal, platform }: { store: Store; service: ServiceRecord; principal: Principal; platform: Platform },
  kind: StartOptions['kind'],
  build: boolean,
): Reply {
  const now = store.clock.now();
  const d = startDeployment(store, service, { kind, build, user: principal.user, phaseMs: platform.settings.deployPhaseMs, now });
  recordStart(store, service, d);
  return reply(202, Deployment, toDeployment(d, now));
}

function recordStart(store: Store, s: ServiceRecord, d: DeploymentRecord): void {
  const what = d.kind === 'build' ? 'build' : d.build ? 'build and deploy' : 'deploy (prebuilt image)';
  const outcome = d.events[d.events.length - 1]!;
  const base = { version: d.version, deployment_id: d.id };
  record(store, s.id, d.started_by, {
    ...base,
    kind: 'deployment.started',
    at: d.started_at,
    summary: `Started a ${what} of version ${d.version}`,
  });
  if (outcome.state === 'failed') {
    record(store, s.id, d.started_by, {
      ...base,
      kind: 'deployment.failed',
      at: outcome.at,
      summary: `The ${d.kind} of version ${d.version} failed: ${outcome.message ?? 'no message'}`,
    });
  } else {
    const done =
      d.kind === 'build'
        ? `The build of version ${d.version} finished: the image is ready to deploy`
        : `The deploy of version ${d.version} finished: version ${d.version} is live`;
    record(store, s.id, d.started_by, { ...base, kind: 'deployment.finished', at: outcome.at, summary: done });
  }
}

const deploymentList: ListSpec<Deployment> = {
  sort: { started_at: (d) => time(d.started_at), finished_at: (d) => time(d.finished_at) },
  text: (d) => [d.kind, d.message, d.started_by.email, d.version === null ? null : `v${d.version}`],
};

const E409_DEPLOY = { description: 'Not a persistent service, no published version, or a build or deploy is already in progress' };
const STARTED = { description: 'Started: the deployment record (it moves through its states on the clock)', schema: Deployment };

export const deploymentsApi = domainApi(
  ['deployments'],
  [
    post(DEPLOY, 'deployService', 'Build the active version and deploy it (`?build=false`: deploy the last built image)', {
      allow: developers('deploy services'),
      query: DeployQuery,
      idempotent: true,
      responses: {
        202: STARTED,
        409: { description: `${E409_DEPLOY.description}, or (build=false) no built image` },
      },
      handler: (c) => start(c.var, 'deploy', c.var.query.build),
    }),
    post(BUILD, 'buildService', 'Build an image of the active version without deploying it (ends `built`)', {
      allow: developers('build services'),
      idempotent: true,
      responses: { 202: STARTED, 409: E409_DEPLOY },
      handler: (c) => start(c.var, 'build', true),
    }),
    post(TEARDOWN, 'teardownService', 'Stop the running container', {
      allow: developers('tear down services'),
      idempotent: true,
      responses: {
        202: { description: 'The teardown record', schema: Deployment },
        409: { description: 'Not a persistent service, nothing is deployed, or a build or deploy is in progress' },
      },
      handler: ({ var: { store, service, principal } }) => {
        const d = teardown(store, service, principal.user);
        record(store, service.id, principal.user, {
          kind: 'deployment.torn_down',
          summary: `Tore down the deployment of version ${d.version}: the container is stopped`,
          version: d.version,
          deployment_id: d.id,
        });
        return reply(202, Deployment, toDeployment(d, store.clock.now()));
      },
    }),
    get(
      STATUS,
      'getDeploymentStatus',
      'The latest build or deploy attempt (`deployment_state`, `message`), the serving container’s health, and whether it runs the active version (`synced`); `serving_version` and `in_progress` are additions',
      {
        responses: { 200: { description: 'The status', schema: DeploymentStatusDetails } },
        handler: ({ var: { store, service } }) => {
          const active = store.versionsOf(service.id).find((v) => v.status === 'active');
          return reply(200, DeploymentStatusDetails, deploymentStatus(store, service, active));
        },
      },
    ),
    get(HISTORY, 'listDeployments', "Extension: the service's builds, deploys and teardowns, newest first, with their events", {
      query: DeploymentListQuery,
      responses: { 200: { description: 'A page of deployments', schema: DeploymentPage } },
      handler: ({ var: { store, service, query } }) => {
        const now = store.clock.now();
        // As they read now: a deployment's outcome is not known (nor sorted by) before its time.
        const all = deploymentsOf(store, service.id).map((d) => toDeployment(d, now));
        return reply(200, DeploymentPage, listPage(all, query, deploymentList));
      },
    }),
  ],
);
