import type { ExecutionMode } from '@/contract/services';

/** Why a persistent service may have no ring: said the same way on every page. */
export const NO_RING_REASON = 'persistent services run on their own deployment';
export const NO_RING = `No ring (${NO_RING_REASON})`;

/**
 * A service's ring in words, the same on every page: its name; for a
 * persistent service without one, "No ring" and why (in full, or as a tooltip
 * where room is short); for an invocation service without one, that it needs one.
 */
export function RingLabel({
  service,
  ringName,
  pending = false,
  short = false,
}: {
  service: { ring_id: string | null; execution_mode: ExecutionMode };
  ringName: string | undefined;
  pending?: boolean;
  short?: boolean;
}) {
  if (service.ring_id) return <>{ringName ?? <span className="muted">{pending ? '…' : 'unknown ring'}</span>}</>;
  if (service.execution_mode === 'persistent') {
    return short ? (
      <span className="muted" title={`Persistent services run on their own deployment`}>
        No ring
      </span>
    ) : (
      <span className="muted">{NO_RING}</span>
    );
  }
  return <span className="muted">{short ? 'No ring' : 'No ring (invocation services need one: choose it in Settings)'}</span>;
}
