import type { ReactNode } from 'react';
import type { ServiceVersionRead } from '@/contract/versions';
import { ValueBadge } from '@/ui/badge';
import { DateTime } from '@/ui/date-time';
import { TableHead, type Column } from '@/ui/table-head';
import { SplitSwatch } from './split-bar';

const SERVING_TONES = { active: 'success', draining: 'warning' } as const;

/**
 * The serving versions, oldest first: each one's status, share (or that the
 * platform did not give it) and when it was published. `tones`: each
 * version's colour in the split bar, as a swatch beside it; `figures`: more
 * columns (the last hour's), before the date.
 */
export function ServingTable({
  serving,
  tones,
  figures,
}: {
  serving: readonly ServiceVersionRead[];
  tones?: ReadonlyMap<string, string>;
  figures?: { columns: Column[]; cells: (version: ServiceVersionRead) => ReactNode };
}) {
  const byVersion = [...serving].sort((a, b) => a.version - b.version);
  return (
    <div className="table-scroll">
      <table className="table split-legend">
        <caption className="visually-hidden">Serving versions</caption>
        <TableHead columns={['Version', 'Status', { label: 'Traffic', className: 'num' }, ...(figures?.columns ?? []), 'Published']} />
        <tbody>
          {byVersion.map((v) => (
            <tr key={v.id}>
              <th scope="row">
                {tones ? (
                  <>
                    <SplitSwatch tone={tones.get(v.id)} /> v{v.version}
                  </>
                ) : (
                  `v${v.version}`
                )}
              </th>
              <td>
                <ValueBadge value={v.status} tones={SERVING_TONES} />
              </td>
              <td className="num">{v.traffic_percent === null ? <span className="muted">not given</span> : `${v.traffic_percent}%`}</td>
              {figures?.cells(v)}
              <td>
                <DateTime iso={v.published_at} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
