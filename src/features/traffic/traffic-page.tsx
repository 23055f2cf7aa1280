import './traffic.css';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useWhoami } from '@/data/auth/get-whoami';
import { knowsTraffic, servingVersions } from '@/contract/versions-rules';
import { useMetrics } from '@/data/metrics/get-metrics';
import { useNewestRollout } from '@/data/rollouts/get-newest-rollout';
import { isUnfinished } from '@/data/rollouts/rollout-state';
import { useVersions } from '@/data/versions/get-versions';
import { formatCount, formatRate } from '@/lib/format';
import { formatMs } from '@/lib/format-latency';
import { useCapability } from '@/lib/capabilities';
import { roleReason } from '@/lib/permissions';
import type { ServiceProps } from '@/lib/route-props';
import { Card } from '@/ui/card';
import { Notice } from '@/ui/notice';
import { EmptyState } from '@/ui/states';
import { Unavailable } from '@/ui/unavailable';
import { SplitBar, segmentTones } from './split-bar';
import { ServingTable } from './serving-table';
import { SplitEditor } from './split-editor';
import { SplitHistory } from './split-history';
import { TrafficActions } from './traffic-actions';
import { UnknownSplit } from './unknown-split';
import { versionList } from '@/contract/traffic-rules';
import { Skeleton } from '@/ui/skeleton';
import type { Column } from '@/ui/table-head';

/**
 * The Traffic tab: how requests are split among the serving versions, and the
 * ways to change it. `rollout`: the service's rollout (its own feature, placed
 * by the route), shown above the split it moves.
 */
export function TrafficPage({ scope, serviceId, rollout }: ServiceProps & { rollout?: ReactNode }) {
  const versions = useVersions(scope, serviceId);
  const me = useWhoami();
  const readOnlyReason = roleReason(me.role, 'service:write');
  const [editing, setEditing] = useState(false);
  const editButtonId = useId();
  // The editor opens below the split and takes focus; when it closes (Cancel, Escape, a save), focus comes back to Edit split.
  const returnFocus = useRef(false);
  useEffect(() => {
    if (editing || !returnFocus.current) return;
    returnFocus.current = false;
    focusOrHeading(document.getElementById(editButtonId), 'split-title');
  }, [editing, editButtonId]);
  const closeEditor = () => {
    returnFocus.current = true;
    setEditing(false);
  };
  const splitUnavailable = useCapability('trafficSplit') === 'unavailable';
  // While a rollout is unfinished it moves the split itself, and the platform refuses a change by hand (409): say so up front.
  const newest = useNewestRollout(scope, serviceId);
  const underWay = newest.data?.available && newest.data.data && isUnfinished(newest.data.data) ? newest.data.data : null;
  // Beside each serving version, how it answered in the last hour: Promote and Roll back are not blind.
  const metrics = useMetrics(scope, serviceId, '1h');
  const metricsUnavailable = metrics.data?.available === false;
  const lastHour = new Map((metrics.data?.available ? metrics.data.data.versions : []).map((v) => [v.version, v.totals]));

  const serving = servingVersions(versions);
  const archived = versions.filter((v) => v.status === 'archived').sort((a, b) => a.version - b.version);
  const draft = versions.find((v) => v.status === 'draft');

  if (serving.length === 0) {
    return (
      <EmptyState title="Nothing serves traffic yet">
        <p>Publish a version to send it traffic.{draft && ` v${draft.version} is a draft.`}</p>
      </EmptyState>
    );
  }

  // `traffic_percent` is our decision: a platform that leaves it out of a serving version leaves the split unknown.
  if (!knowsTraffic(serving)) return <UnknownSplit serving={serving} />;

  const canaryVersion = underWay && versions.find((v) => v.id === underWay.version_id)?.version;
  const lockedReason = underWay
    ? `A rollout${canaryVersion ? ` of v${canaryVersion}` : ''} is in progress: it moves the split by itself. To change it by hand, abort the rollout first.`
    : null;
  const segments = serving.map((v) => ({ id: v.id, version: v.version, status: v.status, percent: v.traffic_percent }));
  const tones = segmentTones(segments);

  return (
    <div className="stack">
      {rollout}
      <Card
        id="split-title"
        className="traffic-card"
        heading="Traffic split"
        subtitle={
          serving.length === 1 ? `v${serving[0]!.version} receives all traffic.` : `Requests are split among ${serving.length} versions.`
        }
        actions={
          !readOnlyReason && (
            <TrafficActions
              scope={scope}
              serviceId={serviceId}
              serving={serving}
              editing={editing}
              editButtonId={editButtonId}
              onEdit={() => setEditing(true)}
              lockedReason={lockedReason}
            />
          )
        }
      >
        <Notice reason={readOnlyReason}>The split is shown read-only.</Notice>
        <SplitBar segments={segments} label="Current traffic split" />
        <ServingTable
          serving={serving}
          tones={tones}
          figures={
            metricsUnavailable
              ? undefined
              : {
                  columns: LAST_HOUR_COLUMNS,
                  cells: (v) => (
                    <LastHourCells
                      totals={lastHour.get(v.version)}
                      state={metrics.data ? 'read' : metrics.isError ? 'failed' : 'loading'}
                    />
                  ),
                }
          }
        />
        {metricsUnavailable && <p className="muted split-archived">Request metrics are not available on this platform.</p>}
        {metrics.isError && !metrics.data && (
          <p className="muted split-archived">The last hour’s figures could not be loaded: {metrics.error.message}</p>
        )}
        {archived.length > 0 && <p className="muted split-archived">Archived (no traffic, for good): {versionList(archived)}</p>}
        {splitUnavailable && !readOnlyReason && (
          <Unavailable capability="trafficSplit" title="Changing the split is not available on this platform">
            <p>
              On this platform a split is set when publishing: a new version takes the traffic percentage it is published with (
              <span className="mono">traffic_percent</span>), and the versions already serving share the rest. To change the split, publish
              a new version from the Versions tab.
            </p>
            <p>Promote, Roll back and Edit split are not offered.</p>
          </Unavailable>
        )}
      </Card>
      {editing && !readOnlyReason && !lockedReason && (
        <SplitEditor
          key={serving.map((v) => `${v.id}:${v.traffic_percent}`).join()}
          scope={scope}
          serviceId={serviceId}
          serving={serving}
          onClose={closeEditor}
        />
      )}
      <SplitHistory scope={scope} serviceId={serviceId} serving={serving} canChange={!readOnlyReason && !lockedReason} />
    </div>
  );
}

/** Focus `element`; where it is gone or cannot take focus (disabled now), the heading `headingId` does. */
function focusOrHeading(element: HTMLElement | null, headingId: string) {
  element?.focus();
  if (element && document.activeElement === element) return;
  const heading = document.getElementById(headingId);
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus();
}

type Totals = { requests: number; error_rate: number; errors_5xx: number; p95_ms: number | null };

const LAST_HOUR_COLUMNS: Column[] = [
  { label: 'Requests (1 h)', className: 'num' },
  { label: 'Errors (5xx)', className: 'num' },
  { label: 'p95', className: 'num' },
];

/** A serving version's last hour: requests, the 5xx rate and p95 (dashes when it had none, or they could not be read). */
function LastHourCells({ totals, state }: { totals: Totals | undefined; state: 'loading' | 'read' | 'failed' }) {
  if (state === 'loading') {
    return (
      <>
        {[0, 1, 2].map((i) => (
          <td key={i} className="num" aria-busy="true">
            <Skeleton width="3rem" />
          </td>
        ))}
      </>
    );
  }
  if (!totals || totals.requests === 0) {
    return (
      <>
        <td className="num">{state === 'failed' ? '—' : '0'}</td>
        <td className="num muted">—</td>
        <td className="num muted">—</td>
      </>
    );
  }
  return (
    <>
      <td className="num">{formatCount(totals.requests)}</td>
      <td className={totals.errors_5xx > 0 ? 'num traffic-errors' : 'num'}>{formatRate(totals.error_rate)}</td>
      <td className="num">{formatMs(totals.p95_ms)}</td>
    </>
  );
}
