import './rollouts.css';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { RolloutRead } from '@/contract/rollouts';
import { useWhoami } from '@/data/auth/get-whoami';
import { useNewestRollout } from '@/data/rollouts/get-newest-rollout';
import { rolloutMoved } from '@/data/rollouts/rollout-moved';
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
import { finishedBy, isRecent, isUnfinished, pausedBy } from '@/data/rollouts/rollout-state';
import { eventWords, stepName, type VersionName } from './rollout-words';

const STATUS_TONES = { running: 'info', paused: 'warning', succeeded: 'success', aborted: 'danger' } as const;

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

/**
 * Each move of a polled rollout (a step, a decision) moved the split: the
 * versions and the lists that show them are read again — once per move, not
 * on the first read.
 */
function useFollowMoves(scope: ServiceProps['scope'], serviceId: string, rollout: RolloutRead | null) {
  const queryClient = useQueryClient();
  const seen = useRef<string | null>(null);
  const mark = rollout ? `${rollout.id}:${rollout.events.length}:${rollout.status}` : null;
  useEffect(() => {
    if (seen.current !== null && mark !== null && mark !== seen.current) void rolloutMoved(queryClient, scope, serviceId);
    seen.current = mark;
  }, [mark, queryClient, scope, serviceId]);
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

/** Where the rollout stands, in one sentence (the countdown ticks in the track, not here: this is read out when it changes). */
function summaryWords(r: RolloutRead, name: VersionName): string {
  const canary = name(r.version_id);
  const baseline = name(r.baseline_version_id);
  const steps = r.steps ?? [];
  const step = steps[r.step_index];
  const where = `${stepName(r.step_index)}${steps.length ? ` of ${steps.length}` : ''}`;
  const share = step ? ` (${step.percent}%)` : '';
  switch (r.status) {
    case 'running':
      return `Running: ${canary} is at ${where}${share}. At the end of the step’s pause the analysis decides whether it takes the next step.`;
    case 'paused': {
      const by = pausedBy(r);
      const why = by ? eventWords(by, r, name) : `Paused at ${stepName(r.step_index)}`;
      const stays = `${canary} keeps its share until someone resumes, promotes or aborts the rollout; a limit crossed still rolls it back.`;
      return `${why}. ${stays}`;
    }
    case 'succeeded':
      return `Succeeded: ${canary} serves 100%, and ${baseline} drains.`;
    case 'aborted': {
      const e = finishedBy(r, 'aborted');
      return `${e ? eventWords(e, r, name) : `Aborted at ${stepName(r.step_index)}`}. ${baseline} serves 100% again.`;
    }
    default:
      return `The platform says this rollout is “${r.status}”.`;
  }
}
