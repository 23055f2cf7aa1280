/**
 * Agent deployments and their service instances (seed 003), at the seed's
 * own base, `/v1`: instances on the platform's clock (rules.ts).
 */
import * as agents from '../../src/contract/agents';
import { belongsTo, defineDomain } from '../core/domain';
import { byId, ownedBy } from '../core/store';
import { unlessEmpty } from '../core/seed';
import type { AgentDeploymentRecord, AgentServiceRecord } from './records';
import { agentsApi } from './routes';
import { DEFAULT_AGENT_PHASE_MS } from './rules';
import { demoAgents } from './seed';

declare module '../core/store' {
  interface Collections {
    agentDeployments: Collection<AgentDeploymentRecord, 'org'>;
    agentServices: Collection<AgentServiceRecord, 'deployment'>;
  }
}
declare module '../core/context' {
  interface Settings {
    /** Length of each phase of an agent service instance (starting, stopping; ready → unhealthy), ms (default 3000; `MOCK_AGENT_PHASE_MS`). */
    agentPhaseMs: number;
  }
  interface ScopeParams {
    /** In the caller's organization. */
    deployment_id: { var: 'agentDeployment'; value: AgentDeploymentRecord };
    agent_service_id: { var: 'agentService'; value: AgentServiceRecord };
  }
}

export const agentsDomain = defineDomain({
  name: 'agents',
  apis: [agentsApi],
  collections: {
    agentDeployments: byId('agent_deployments', { org: (d) => d.org_id }),
    agentServices: ownedBy('agentDeployments', 'deployment', (s: AgentServiceRecord) => s.deployment_id)('agent_services', (s) => s.id),
  },
  seed: unlessEmpty((seed) => {
    const { agent_deployments, agent_services } = demoAgents(seed.ago);
    return { agentDeployments: agent_deployments, agentServices: agent_services };
  }),
  settings: { agentPhaseMs: DEFAULT_AGENT_PHASE_MS },
  scope: {
    // Seed 003's path names no organization: the caller's own.
    deployment_id: {
      var: 'agentDeployment',
      thing: 'Agent deployment',
      doc: { schema: { type: 'string', examples: ['adep_7c1e0b5a9d42'] }, description: 'Agent deployment ID (an unknown one is a 404)' },
      find: ({ store, id, caller }) => {
        const deployment = store.agentDeployments.get(id);
        return deployment && caller && deployment.org_id === caller.user.org_id ? deployment : undefined;
      },
    },
    agent_service_id: {
      var: 'agentService',
      thing: 'Agent service instance',
      doc: {
        schema: { type: 'string', examples: ['adsvc_1234abcd'] },
        description: 'Agent service instance ID (an unknown one is a 404)',
      },
      find: belongsTo('agentServices', { deployment_id: 'agentDeployment' }),
    },
  },
  openapi: { schemas: [agents] },
});
