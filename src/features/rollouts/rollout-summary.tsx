import './rollouts.css';
import { useQuery } from '@tanstack/react-query';
import { useNewestRollout } from '@/data/rollouts/get-newest-rollout';
import { isUnfinished } from '@/data/rollouts/rollout-state';
import { versionsQueryOptions } from '@/data/versions/get-versions';
import type { ServiceProps } from '@/lib/route-props';
import { ValueBadge } from '@/ui/badge';
import { useFollowMoves } from './follow-moves';
import { STATUS_TONES, summaryWords, type VersionName } from './rollout-words';

/**
 * A running or paused rollout in one sentence, for the Overview's traffic split: where it stands and what
 * happens next, as the Traffic tab's panel says it (the panel, with its steps and actions, stays there).
 * Nothing when none is under way, or on a platform without rollouts.
 */
export function RolloutSummary({ scope, serviceId }: ServiceProps) {
  const newest = useNewestRollout(scope, serviceId);
  const versions = useQuery(versionsQueryOptions(scope, serviceId));
  const rollout = newest.data?.available ? newest.data.data : null;
  // Each step it takes moves the split above: the versions are read again.
  useFollowMoves(scope, serviceId, rollout);
  if (!rollout || !isUnfinished(rollout)) return null;
  const name: VersionName = (id) => {
    const n = versions.data?.items.find((v) => v.id === id)?.version;
    return n === undefined ? (id === rollout.version_id ? 'the new version' : 'the baseline') : `v${n}`;
  };
  return (
    <p className="rollout-overview" role="status">
      <ValueBadge value={rollout.status} tones={STATUS_TONES} prefix="rollout " /> {summaryWords(rollout, name)}
    </p>
  );
}
