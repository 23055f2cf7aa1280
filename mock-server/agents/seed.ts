/**
 * Two agent deployments and their versions (seed 003 names none: ours). Each
 * version's `startup` is how its instances start in the mock, so tests reach
 * every status deterministically: research-assistant v2 fails at start, v3
 * turns unhealthy once ready; every other version gets ready.
 */
import type { AgentDeploymentRecord, AgentServiceRecord } from './records';
import { IDS } from '../core/seed-ids';

export const AGENT_IDS = {
  supportTriage: 'adep_7c1e0b5a9d42',
  supportTriageV1: 'adver_7c1e0b5a0001',
  supportTriageV2: 'adver_7c1e0b5a0002',
  researchAssistant: 'adep_2b8f6d3e1a90',
  researchAssistantV1: 'adver_2b8f6d3e0001',
  /** Fails at start (`failure_reason`). */
  researchAssistantFails: 'adver_2b8f6d3e0002',
  /** Ready, then unhealthy. */
  researchAssistantUnhealthy: 'adver_2b8f6d3e0003',
  runningInstance: 'adsvc_5e0c1d2b3a49',
  stoppedInstance: 'adsvc_9a8b7c6d5e4f',
} as const;

export function demoAgents(ago: (days: number, hours?: number) => string): {
  agent_deployments: AgentDeploymentRecord[];
  agent_services: AgentServiceRecord[];
} {
  const A = AGENT_IDS;
  return {
    agent_deployments: [
      {
        id: A.supportTriage,
        org_id: IDS.org,
        name: 'Support triage',
        description: 'Reads incoming tickets, labels them and drafts a first answer.',
        current_version_id: A.supportTriageV2,
        versions: [
          { id: A.supportTriageV1, version: 1, label: 'First release', created_at: ago(30), startup: 'ready' },
          { id: A.supportTriageV2, version: 2, label: 'Adds refund policy tool', created_at: ago(6), startup: 'ready' },
        ],
        created_at: ago(30),
        updated_at: ago(6),
      },
      {
        id: A.researchAssistant,
        org_id: IDS.org,
        name: 'Research assistant',
        description: 'Searches the document store and cites its sources.',
        current_version_id: A.researchAssistantV1,
        versions: [
          { id: A.researchAssistantV1, version: 1, label: 'Stable', created_at: ago(20), startup: 'ready' },
          { id: A.researchAssistantFails, version: 2, label: 'Community tools (crashes on start)', created_at: ago(4), startup: 'fails' },
          {
            id: A.researchAssistantUnhealthy,
            version: 3,
            label: 'Streaming answers (health check fails)',
            created_at: ago(2),
            startup: 'unhealthy',
          },
        ],
        created_at: ago(20),
        updated_at: ago(2),
      },
    ],
    agent_services: [
      {
        id: A.runningInstance,
        org_id: IDS.org,
        deployment_id: A.supportTriage,
        version_id: A.supportTriageV2,
        port: 41_873,
        sandbox_id: 'sbx_3c4d5e6f7a8b',
        process_id: 24_817,
        startup: 'ready',
        created_at: ago(5, 3),
        created_by: IDS.users.developer,
        idempotency_key: null,
        stop_requested_at: null,
        stop_requested_by: null,
      },
      {
        id: A.stoppedInstance,
        org_id: IDS.org,
        deployment_id: A.supportTriage,
        version_id: A.supportTriageV1,
        port: 35_112,
        sandbox_id: 'sbx_0a1b2c3d4e5f',
        process_id: 9_311,
        startup: 'ready',
        created_at: ago(12),
        created_by: IDS.users.developer,
        idempotency_key: null,
        stop_requested_at: ago(7),
        stop_requested_by: IDS.users.admin,
      },
    ],
  };
}
