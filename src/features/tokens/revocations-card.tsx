import type { Scope } from '@/contract/paths';
import { useRevocations } from '@/data/tokens/get-revocations';
import { Badge } from '@/ui/badge';
import { Card } from '@/ui/card';
import { DateTime } from '@/ui/date-time';
import { Skeleton } from '@/ui/skeleton';
import { EmptyState, ErrorState } from '@/ui/states';
import { TableHead } from '@/ui/table-head';

/** The revocations the gateway enforces; expired ones (the tokens would be refused anyway) on request. */
export function RevocationsCard({ scope, serviceId, includeExpired, onIncludeExpiredChange }: { scope: Scope; serviceId: string; includeExpired: boolean; onIncludeExpiredChange: (v: boolean) => void }) {
  const revocations = useRevocations(scope, serviceId, includeExpired);
  return (
    <Card
      id="revocations-title"
      level={3}
      heading="Revocations"
      subtitle={includeExpired ? 'All revocations, including those whose tokens have expired.' : 'Revocations still in force.'}
      actions={
        <label className="check">
          <input type="checkbox" checked={includeExpired} onChange={(e) => onIncludeExpiredChange(e.target.checked)} />
          Include expired
        </label>
      }
    >
      {revocations.isPending ? (
        <Skeleton height="4rem" />
      ) : revocations.isError ? (
        <ErrorState title="Revocations could not be loaded" error={revocations.error} onRetry={() => void revocations.refetch()} />
      ) : revocations.data.items.length === 0 ? (
        <EmptyState title="No revocations">
          <p>{includeExpired ? 'No token of this service was ever revoked.' : 'No revocation in force. Every unexpired token works.'}</p>
        </EmptyState>
      ) : (
        <div className="table-wrap table-flat">
          <table className="table">
            <caption className="visually-hidden">Revocations</caption>
            <TableHead columns={['What', 'Token ID', 'Reason', 'Revoked', 'In force until', 'By']} />
            <tbody>
              {revocations.data.items.map((r) => (
                <tr key={r.id}>
                  <td>{r.kind === 'all' ? <Badge tone="danger">all tokens</Badge> : <Badge tone="warning">one token</Badge>}</td>
                  <td className="mono jti-cell">{r.jti ?? <span className="muted">every token minted before</span>}</td>
                  <td>{r.reason ?? <span className="muted">—</span>}</td>
                  <td>
                    <DateTime iso={r.revoked_at} />
                  </td>
                  <td>
                    <DateTime iso={r.expires_at} fallback={r.kind === 'token' ? 'until the token expires' : '—'} />
                  </td>
                  <td>{r.revoked_by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
