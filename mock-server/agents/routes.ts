/**
 * Agent deployment service instances at seed 003's own base, `/v1`:
 * `POST /v1/agent-deployments/{deployment_id}/services` as documented (a
 * required Idempotency-Key; `{version_id, envs}`, envs write-only), and our
 * extensions to list and read deployments and instances and stop one. Every
 * operation also takes an organization API key as its Bearer credential, as
 * the seed says ("API key passed as Bearer token"). Answers carry
 * `Cache-Control: no-store`: a ready instance's `public_url` holds a bearer credential.
 */
import {
  AgentDeployment,
  AgentDeploymentListQuery,
  AgentDeploymentPage,
  AgentService,
  AgentServiceCreate,
  AgentServiceListQuery,
  AgentServicePage,
} from '../../src/contract/agents';
import { AGENT_API_BASE, agentPaths } from '../../src/contract/paths';
import { developers } from '../core/auth';
import { listPage, time, type ListSpec } from '../core/lists';
import { apiPath, domainApi, get, post } from '../core/operations';
import { reply } from '../core/replies';
import { E409, READ_ERRORS } from '../core/responses';
import type { AgentDeploymentRecord } from './records';
import { agentDeploymentView, agentServiceView, createAgentService, stopAgentService, versionFor } from './rules';

const DEPLOYMENTS = apiPath('/agent-deployments', agentPaths.deployments());
const DEPLOYMENT = apiPath('/agent-deployments/:deployment_id', agentPaths.deployment(':deployment_id'));
const SERVICES = apiPath('/agent-deployments/:deployment_id/services', agentPaths.services(':deployment_id'));
const SERVICE = apiPath(
  '/agent-deployments/:deployment_id/services/:agent_service_id',
  agentPaths.service(':deployment_id', ':agent_service_id'),
);
const STOP = apiPath(
  '/agent-deployments/:deployment_id/services/:agent_service_id/stop',
  agentPaths.stop(':deployment_id', ':agent_service_id'),
);

const NO_STORE = { 'Cache-Control': 'no-store' };

const deploymentList: ListSpec<AgentDeploymentRecord> = {
  sort: { created_at: (d) => time(d.created_at), updated_at: (d) => time(d.updated_at), name: (d) => d.name },
  text: (d) => [d.name, d.description],
};

const instanceList: ListSpec<AgentService> = {
  sort: { created_at: (s) => time(s.created_at), updated_at: (s) => time(s.updated_at) },
  text: (s) => [s.id, s.version_id],
  status: (s) => s.status,
};

export const agentsApi = domainApi(
  ['agent-deployments'],
  [
    post(
      SERVICES,
      'createAgentService',
      'Create an agent service instance (seed 003). The same Idempotency-Key and body returns the first instance; another body is a 422. `envs` are write-only: never returned, stored or logged.',
      {
        allow: developers('start agent service instances'),
        body: AgentServiceCreate,
        idempotent: true,
        idempotencyKeyRequired: true,
        apiKeyBearer: true,
        responses: {
          201: { description: 'Agent service instance created (starting)', schema: AgentService },
          422: {
            description: 'Validation error: a missing Idempotency-Key, an env value that is not a string, a version of another deployment',
          },
        },
        handler: (c) => {
          const { store, platform, agentDeployment, principal, body } = c.var;
          const version = versionFor(agentDeployment, body.version_id);
          const record = createAgentService(
            store,
            agentDeployment,
            version,
            principal.user,
            c.req.header('idempotency-key') ?? null,
            body.envs,
          );
          return reply(
            201,
            AgentService,
            agentServiceView(record, platform.settings.agentPhaseMs, store.serviceTokenSecret, store.clock.now()),
            NO_STORE,
          );
        },
      },
    ),
    get(DEPLOYMENTS, 'listAgentDeployments', "Extension: the organization's agent deployments with their versions, newest first", {
      query: AgentDeploymentListQuery,
      apiKeyBearer: true,
      responses: { 200: { description: 'A page of agent deployments', schema: AgentDeploymentPage }, ...READ_ERRORS },
      handler: ({ var: { store, principal, query } }) => {
        const page = listPage(store.agentDeployments.in('org', principal.user.org_id), query, deploymentList);
        return reply(200, AgentDeploymentPage, { ...page, items: page.items.map(agentDeploymentView) });
      },
    }),
    get(DEPLOYMENT, 'getAgentDeployment', 'Extension: an agent deployment with its versions', {
      apiKeyBearer: true,
      responses: { 200: { description: 'The agent deployment', schema: AgentDeployment } },
      handler: ({ var: { agentDeployment } }) => reply(200, AgentDeployment, agentDeploymentView(agentDeployment)),
    }),
    get(SERVICES, 'listAgentServices', "Extension: a deployment's service instances, newest first (optionally one status)", {
      query: AgentServiceListQuery,
      apiKeyBearer: true,
      responses: { 200: { description: 'A page of instances', schema: AgentServicePage } },
      handler: ({ var: { store, platform, agentDeployment, query } }) => {
        const now = store.clock.now();
        // As they read now: status and times follow from the clock.
        const all = store.agentServices
          .in('deployment', agentDeployment.id)
          .map((s) => agentServiceView(s, platform.settings.agentPhaseMs, store.serviceTokenSecret, now));
        return reply(200, AgentServicePage, listPage(all, query, instanceList), NO_STORE);
      },
    }),
    get(SERVICE, 'getAgentService', 'Extension: an agent service instance (its public_url only while ready)', {
      apiKeyBearer: true,
      responses: { 200: { description: 'The instance', schema: AgentService } },
      handler: ({ var: { store, platform, agentService } }) =>
        reply(
          200,
          AgentService,
          agentServiceView(agentService, platform.settings.agentPhaseMs, store.serviceTokenSecret, store.clock.now()),
          NO_STORE,
        ),
    }),
    post(STOP, 'stopAgentService', 'Extension: stop an instance (stopping, then stopped); stopping already: as it is', {
      allow: developers('stop agent service instances'),
      apiKeyBearer: true,
      responses: {
        202: { description: 'Stopping', schema: AgentService },
        409: { ...E409, description: 'The instance is stopped already, or failed to start' },
      },
      handler: ({ var: { store, platform, agentService, principal } }) => {
        const stopped = stopAgentService(store, agentService, principal.user, platform.settings.agentPhaseMs);
        return reply(
          202,
          AgentService,
          agentServiceView(stopped, platform.settings.agentPhaseMs, store.serviceTokenSecret, store.clock.now()),
          NO_STORE,
        );
      },
    }),
  ],
  AGENT_API_BASE,
);
