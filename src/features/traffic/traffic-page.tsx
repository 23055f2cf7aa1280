import './traffic.css';
import { useState } from 'react';
import { servingVersions, useVersions } from '@/data/versions/get-versions';
import { useWhoami } from '@/data/auth/get-whoami';
import { Badge } from '@/ui/badge';
import { EmptyState } from '@/ui/states';
import { formatDateTime } from '@/lib/format';
import { roleReason } from '@/lib/permissions';
import { versionList } from './traffic-plans';
import { SplitBar, SplitSwatch, segmentTones } from './split-bar';
import { SplitEditor } from './split-editor';
import { TrafficActions } from './traffic-actions';
import type { ServiceProps } from '@/lib/route-props';

/** The Traffic tab: how requests are split among the serving versions, and the ways to change it. */
export function TrafficPage({ scope, serviceId }: ServiceProps) {
  const versions = useVersions(scope, serviceId);
  const me = useWhoami();
  const readOnlyReason = roleReason(me.role, 'service:write');
  const [editing, setEditing] = useState(false);

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

  const segments = serving.map((v) => ({ id: v.id, version: v.version, status: v.status, percent: v.traffic_percent }));
  const tones = segmentTones(segments);
  const byVersion = [...serving].sort((a, b) => a.version - b.version);

  return (
    <div className="stack">
      <section className="card traffic-card" aria-labelledby="split-title">
        <div className="card-header">
          <div>
            <h2 id="split-title">Traffic split</h2>
            <p className="muted card-subtitle">
              {serving.length === 1 ? `v${serving[0]!.version} receives all traffic.` : `Requests are split among ${serving.length} versions.`}
            </p>
          </div>
          {!readOnlyReason && <TrafficActions scope={scope} serviceId={serviceId} serving={serving} editing={editing} onEdit={() => setEditing(true)} />}
        </div>
        {readOnlyReason && (
          <p className="notice" role="note">
            {readOnlyReason} The split is shown read-only.
          </p>
        )}
        <SplitBar segments={segments} label="Current traffic split" />
        <table className="table split-legend">
          <caption className="visually-hidden">Serving versions</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Traffic
              </th>
              <th scope="col">Published</th>
            </tr>
          </thead>
          <tbody>
            {byVersion.map((v) => (
              <tr key={v.id}>
                <th scope="row">
                  <SplitSwatch tone={tones.get(v.id)} /> v{v.version}
                </th>
                <td>
                  <Badge tone={v.status === 'active' ? 'success' : 'warning'}>{v.status}</Badge>
                </td>
                <td className="num">{v.traffic_percent}%</td>
                <td>{v.published_at ? <time dateTime={v.published_at}>{formatDateTime(v.published_at)}</time> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {archived.length > 0 && (
          <p className="muted split-archived">
            Archived (no traffic, for good): {versionList(archived)}
          </p>
        )}
      </section>
      {editing && !readOnlyReason && <SplitEditor key={serving.map((v) => `${v.id}:${v.traffic_percent}`).join()} scope={scope} serviceId={serviceId} serving={serving} onClose={() => setEditing(false)} />}
    </div>
  );
}
