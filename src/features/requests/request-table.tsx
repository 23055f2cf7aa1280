import type { RequestRecordRead } from '@/contract/requests';
import { formatMs } from '@/lib/format-latency';
import { Badge } from '@/ui/badge';
import { SkeletonRows } from '@/ui/skeleton';
import { TableHead } from '@/ui/table-head';
import { statusTone } from './status-words';

const clock = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/**
 * The request log as a table, newest first. A record's id opens its details
 * (a click anywhere on the row does the same, for the mouse); rows the live
 * tail just brought are marked so they stand out for a moment.
 */
export function RequestTable({
  rows,
  fresh,
  loading,
  onOpen,
}: {
  rows: readonly RequestRecordRead[];
  /** Ids of rows that arrived live, to mark. */
  fresh: ReadonlySet<string>;
  loading: boolean;
  onOpen: (requestId: string) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="table table-records requests-table">
        <caption className="visually-hidden">Requests, newest first</caption>
        <TableHead columns={['Time', 'Status', 'Endpoint', 'Version', { label: 'Duration', className: 'num' }, 'Caller', 'Request ID']} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={fresh.has(r.id) ? 'request-fresh' : undefined} onClick={() => onOpen(r.id)}>
              <td className="nowrap request-time">
                <time dateTime={r.time}>{clock.format(new Date(r.time))}</time>
              </td>
              <td className="request-status">
                <Badge tone={statusTone(r.status)}>{r.status}</Badge>
              </td>
              {/* Method and path together, as the filter and the details name an endpoint. */}
              <td className="mono request-endpoint">
                {r.method} {r.path}
                {r.async && <span className="muted"> (job)</span>}
              </td>
              <td className="request-version">{r.version === null ? <span className="muted">no version</span> : `v${r.version}`}</td>
              <td className="num request-duration">{formatMs(r.duration_ms)}</td>
              <td className="request-caller">{r.caller.replaceAll('_', ' ')}</td>
              <td className="request-id">
                <button
                  type="button"
                  className="link-button mono"
                  onClick={(e) => {
                    e.stopPropagation();
                    onOpen(r.id);
                  }}
                >
                  {r.id}
                </button>
              </td>
            </tr>
          ))}
          {loading && <SkeletonRows columns={7} width={(j) => (j === 2 ? '80%' : '60%')} />}
        </tbody>
      </table>
      {loading && (
        <span className="visually-hidden" role="status">
          Loading requests…
        </span>
      )}
    </div>
  );
}
