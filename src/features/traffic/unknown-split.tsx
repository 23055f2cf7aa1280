import type { ServiceVersionRead } from '@/contract/versions';
import { ValueBadge } from '@/ui/badge';
import { Card } from '@/ui/card';
import { DateTime } from '@/ui/date-time';
import { TableHead } from '@/ui/table-head';

const SERVING_TONES = { active: 'success', draining: 'warning' } as const;

/**
 * The Traffic tab on a platform that does not say how traffic is split
 * (`traffic_percent` is our decision): which versions serve, and that their
 * shares are not known here, so nothing is offered that would compute on them.
 */
export function UnknownSplit({ serving }: { serving: ServiceVersionRead[] }) {
  const byVersion = [...serving].sort((a, b) => a.version - b.version);
  return (
    <Card
      id="split-title"
      className="traffic-card"
      heading="Traffic split"
      subtitle={serving.length === 1 ? `v${serving[0]!.version} serves traffic.` : `${serving.length} versions serve traffic.`}
    >
      <p role="note" className="notice">
        This platform does not say how traffic is split between its versions (no <span className="mono">traffic_percent</span>), so the
        split is not shown and cannot be changed here. Publishing a version still sets its share.
      </p>
      <div className="table-scroll">
        <table className="table split-legend">
          <caption className="visually-hidden">Serving versions</caption>
          <TableHead columns={['Version', 'Status', { label: 'Traffic', className: 'num' }, 'Published']} />
          <tbody>
            {byVersion.map((v) => (
              <tr key={v.id}>
                <th scope="row">v{v.version}</th>
                <td>
                  <ValueBadge value={v.status} tones={SERVING_TONES} />
                </td>
                <td className="num">{v.traffic_percent === null ? <span className="muted">not given</span> : `${v.traffic_percent}%`}</td>
                <td>
                  <DateTime iso={v.published_at} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
