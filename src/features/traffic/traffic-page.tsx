import './traffic.css';
import { useState } from 'react';
import { useWhoami } from '@/data/auth/get-whoami';
import { knowsTraffic, servingVersions } from '@/contract/versions-rules';
import { useVersions } from '@/data/versions/get-versions';
import { useCapability } from '@/lib/capabilities';
import { roleReason } from '@/lib/permissions';
import type { ServiceProps } from '@/lib/route-props';
import { ValueBadge } from '@/ui/badge';
import { Card } from '@/ui/card';
import { DateTime } from '@/ui/date-time';
import { Notice } from '@/ui/notice';
import { EmptyState } from '@/ui/states';
import { Unavailable } from '@/ui/unavailable';
import { SplitBar, SplitSwatch, segmentTones } from './split-bar';
import { SplitEditor } from './split-editor';
import { SplitHistory } from './split-history';
import { TrafficActions } from './traffic-actions';
import { UnknownSplit } from './unknown-split';
import { versionList } from '@/contract/traffic-rules';
import { TableHead } from '@/ui/table-head';

const SERVING_TONES = { active: 'success', draining: 'warning' } as const;

/** The Traffic tab: how requests are split among the serving versions, and the ways to change it. */
export function TrafficPage({ scope, serviceId }: ServiceProps) {
  const versions = useVersions(scope, serviceId);
  const me = useWhoami();
  const readOnlyReason = roleReason(me.role, 'service:write');
  const [editing, setEditing] = useState(false);
  const splitUnavailable = useCapability('trafficSplit') === 'unavailable';

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

  const segments = serving.map((v) => ({ id: v.id, version: v.version, status: v.status, percent: v.traffic_percent }));
  const tones = segmentTones(segments);
  const byVersion = [...serving].sort((a, b) => a.version - b.version);

  return (
    <div className="stack">
      <Card
        id="split-title"
        className="traffic-card"
        heading="Traffic split"
        subtitle={
          serving.length === 1 ? `v${serving[0]!.version} receives all traffic.` : `Requests are split among ${serving.length} versions.`
        }
        actions={
          !readOnlyReason && (
            <TrafficActions scope={scope} serviceId={serviceId} serving={serving} editing={editing} onEdit={() => setEditing(true)} />
          )
        }
      >
        <Notice reason={readOnlyReason}>The split is shown read-only.</Notice>
        <SplitBar segments={segments} label="Current traffic split" />
        <div className="table-scroll">
          <table className="table split-legend">
            <caption className="visually-hidden">Serving versions</caption>
            <TableHead columns={['Version', 'Status', { label: 'Traffic', className: 'num' }, 'Published']} />
            <tbody>
              {byVersion.map((v) => (
                <tr key={v.id}>
                  <th scope="row">
                    <SplitSwatch tone={tones.get(v.id)} /> v{v.version}
                  </th>
                  <td>
                    <ValueBadge value={v.status} tones={SERVING_TONES} />
                  </td>
                  <td className="num">{v.traffic_percent}%</td>
                  <td>
                    <DateTime iso={v.published_at} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
      {editing && !readOnlyReason && (
        <SplitEditor
          key={serving.map((v) => `${v.id}:${v.traffic_percent}`).join()}
          scope={scope}
          serviceId={serviceId}
          serving={serving}
          onClose={() => setEditing(false)}
        />
      )}
      <SplitHistory scope={scope} serviceId={serviceId} serving={serving} canChange={!readOnlyReason} />
    </div>
  );
}
