import { Link } from '@tanstack/react-router';
import type { RolloutRead } from '@/contract/rollouts';
import type { ServiceInScope } from '@/contract/services';
import { finishedBy, isInconclusive, isRecent } from '@/data/rollouts/rollout-state';
import type { Tone } from '@/ui/badge';

/**
 * A service's rollout in the list: one in progress (its share now), paused,
 * or aborted in the last day — a badge that leads to the Traffic tab, where
 * the rollout is told in full. A finished one that went well says nothing.
 */
export function RolloutBadge({ service, rollout }: { service: ServiceInScope; rollout: RolloutRead | undefined }) {
  if (!rollout || !isRecent(rollout) || rollout.status === 'succeeded') return null;
  // The canary is the active version while it rolls out; once aborted it is archived, and its number is not on the service.
  const canary = rollout.version_id === service.active_version_id && service.active_version !== null ? ` v${service.active_version}` : '';
  const share = rollout.steps?.[rollout.step_index]?.percent;
  let tone: Tone = 'info';
  let words: string;
  let detail = '';
  if (rollout.status === 'running') words = `rolling out${canary}${share === undefined ? '' : ` · ${share}%`}`;
  else if (rollout.status === 'paused') {
    tone = 'warning';
    words = isInconclusive(rollout) ? 'rollout paused: inconclusive' : 'rollout paused';
  } else if (rollout.status === 'aborted') {
    tone = 'danger';
    words = 'rollout aborted';
    const e = finishedBy(rollout, 'aborted');
    detail = e ? `at step ${e.step_index + 1}${e.reason ? `: ${e.reason}` : ''}` : '';
  } else words = `rollout ${rollout.status}`;
  return (
    <Link
      to="/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/traffic"
      params={{ orgId: service.org_id, workspaceId: service.workspace_id, serviceId: service.id }}
      className={`badge badge-${tone} badge-link`}
      title={detail || undefined}
    >
      {words}
      {detail && (
        <>
          {' '}
          <span className="visually-hidden">{detail}</span>
        </>
      )}
    </Link>
  );
}
