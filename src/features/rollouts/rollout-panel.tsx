import './rollouts.css';
import type { RolloutRead } from '@/contract/rollouts';
import { useWhoami } from '@/data/auth/get-whoami';
import { useNewestRollout } from '@/data/rollouts/get-newest-rollout';
import { useVersions } from '@/data/versions/get-versions';
import { roleReason } from '@/lib/permissions';
import type { ServiceProps } from '@/lib/route-props';
import { ValueBadge } from '@/ui/badge';
import { Card } from '@/ui/card';
import { DateTime } from '@/ui/date-time';
import { Notice } from '@/ui/notice';
import { Skeleton } from '@/ui/skeleton';
import { Unavailable } from '@/ui/unavailable';
import { RolloutActions } from './rollout-actions';
import { RolloutLiveAnalysis } from './rollout-analysis';
import { RolloutEvents } from './rollout-events';
import { RolloutTrack } from './rollout-track';
import { isRecent, isUnfinished } from '@/data/rollouts/rollout-state';
import { useFollowMoves } from './follow-moves';
import { STATUS_TONES, summaryWords, type VersionName } from './rollout-words';

/**
 * The Traffic tab's rollout (CONTRACT §13): the service's newest, while it is
 * unfinished or for a day after — its steps, the live analysis, its decisions
 * and what a person may do. It reads itself again while it moves, and stops
 * once it is finished.
 */
export function RolloutPanel({ scope, serviceId }: ServiceProps) {
  const newest = useNewestRollout(scope, serviceId);
  useFollowMoves(scope, serviceId, newest.data?.available ? newest.data.data : null);

  if (newest.isPending) return <Skeleton height="8rem" />;
  if (newest.isError && !newest.data)
    return (
      <p className="form-alert" role="alert">
        The service’s rollouts could not be loaded: {newest.error.message}{' '}
        <button type="button" className="link-button" onClick={() => void newest.refetch()}>
          Try again
        </button>
      </p>
    );
  if (!newest.data.available)
    return (
      <Unavailable capability="rollouts" title="Progressive rollouts are not available on this platform">
        <p>Traffic moves when you publish at a percentage, and when you promote or roll back a version here.</p>
      </Unavailable>
    );
  const rollout = newest.data.data;
  // Unfinished, or finished within the day: what just happened to the split is worth reading.
  if (!rollout || !isRecent(rollout)) return null;
  return <Rollout scope={scope} serviceId={serviceId} rollout={rollout} />;
}

function Rollout({ scope, serviceId, rollout }: ServiceProps & { rollout: RolloutRead }) {
  const versions = useVersions(scope, serviceId);
  const me = useWhoami();
  const readOnly = roleReason(me.role, 'service:write');
  const numberOf = (id: string) => versions.find((v) => v.id === id)?.version ?? null;
  const name: VersionName = (id) => {
    const n = numberOf(id);
    return n === null ? (id === rollout.version_id ? 'the new version' : 'the baseline') : `v${n}`;
  };
  const canary = name(rollout.version_id);
  const baseline = name(rollout.baseline_version_id);
  const unfinished = isUnfinished(rollout);
  const headingId = `rollout-${rollout.id}`;

  return (
    <Card
      id={headingId}
      className="rollout-card"
      heading={
        <>
          Rollout of {canary} <ValueBadge value={rollout.status} tones={STATUS_TONES} />
        </>
      }
      subtitle={
        <>
          Started by {rollout.created_by} · <DateTime iso={rollout.created_at} /> · compared with {baseline}
        </>
      }
      actions={
        unfinished &&
        !readOnly && <RolloutActions scope={scope} serviceId={serviceId} rollout={rollout} canary={canary} baseline={baseline} />
      }
    >
      {unfinished && <Notice reason={readOnly}>You can follow the rollout; pausing, promoting and aborting it are not offered.</Notice>}
      <p className={`rollout-summary rollout-summary-${rollout.status}`} role="status">
        {summaryWords(rollout, name)}
      </p>
      <RolloutTrack rollout={rollout} />
      {unfinished && (
        <RolloutLiveAnalysis
          scope={scope}
          serviceId={serviceId}
          rollout={rollout}
          canary={numberOf(rollout.version_id)}
          baseline={numberOf(rollout.baseline_version_id)}
        />
      )}
      <RolloutEvents rollout={rollout} name={name} />
    </Card>
  );
}
