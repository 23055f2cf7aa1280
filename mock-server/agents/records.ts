/** How an agent version's instances start, in the mock: deterministic, so a test can reach `failed` and `unhealthy` (agents/rules.ts). */
export type AgentStartup = 'ready' | 'fails' | 'unhealthy';

export interface AgentVersionRecord {
  id: string;
  version: number;
  label: string | null;
  created_at: string;
  startup: AgentStartup;
}

/** An agent deployment and its versions (seed data: the mock creates none). */
export interface AgentDeploymentRecord {
  id: string;
  org_id: string;
  name: string;
  description: string | null;
  current_version_id: string;
  versions: AgentVersionRecord[];
  created_at: string;
  updated_at: string;
}

/**
 * An agent service instance as stored: what it is and when things were asked
 * of it; its status, times and readiness follow from the clock (agents/rules.ts).
 * Its environment values are not here, nor anywhere (seed 003); neither is its
 * public URL, whose edge token is derived from a secret when it is shown.
 */
export interface AgentServiceRecord {
  id: string;
  org_id: string;
  deployment_id: string;
  version_id: string;
  port: number;
  sandbox_id: string;
  process_id: number;
  startup: AgentStartup;
  created_at: string;
  created_by: string;
  idempotency_key: string | null;
  stop_requested_at: string | null;
  stop_requested_by: string | null;
}
