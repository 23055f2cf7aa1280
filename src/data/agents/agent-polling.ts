import { MOVING_AGENT_STATUSES, type AgentServiceStatus } from '@/contract/agents';
import { backoff } from '../poll-age';

/** The quickest and the slowest poll while an instance is not settled. */
export const AGENT_POLL_MIN_MS = 1000;
export const AGENT_POLL_MAX_MS = 15_000;

type Polled = { status: AgentServiceStatus | (string & {}); updated_at: string };

/** Whether an instance may change without anyone asking: starting, stopping, or unhealthy (it may recover, or fail). */
export const isUnsettled = (status: string) => (MOVING_AGENT_STATUSES as readonly string[]).includes(status) || status === 'unhealthy';

/**
 * How soon to ask again: never while every instance is settled (ready,
 * stopped, failed); about every second just after a change, backing off as
 * the change grows old (a quarter of its age, up to 15 s: `backoff`); unhealthy alone, at the slowest pace.
 */
export function agentPollInterval(instances: readonly Polled[] | undefined, now?: number, local?: number): number | false {
  const unsettled = (instances ?? []).filter((i) => isUnsettled(i.status));
  if (unsettled.length === 0) return false;
  const moving = unsettled.filter((i) => i.status !== 'unhealthy');
  if (moving.length === 0) return AGENT_POLL_MAX_MS;
  return backoff(
    moving.map((i) => i.updated_at),
    [AGENT_POLL_MIN_MS, AGENT_POLL_MAX_MS],
    now,
    local,
  );
}
