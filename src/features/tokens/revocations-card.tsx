import { Badge } from '@/ui/badge';
import { Skeleton } from '@/ui/skeleton';
import { EmptyState, ErrorState } from '@/ui/states';
import type { Scope } from '@/contract/paths';
import { formatDateTime } from '@/lib/format';
import { useRevocations } from '@/data/tokens/get-revocations';

/** The revocations the gateway enforces; expired ones (the tokens would be refused anyway) on request. */
export function RevocationsCard({ scope, serviceId, includeExpired, onIncludeExpiredChange }: { scope: Scope; serviceId: string; includeExpired: boolean; onIncludeExpiredChange: (v: boolean) => void }) {
  const revocations = useRevocations(scope, serviceId, includeExpired);
  return (
    <section className="card" aria-labelledby="revocations-title">
      <div className="card-header">
        <div>
          <h3 id="revocations-title" className="card-heading">
            Revocations
          </h3>
          <p className="muted card-subtitle">{includeExpired ? 'All revocations, including those whose tokens have expired.' : 'Revocations still in force.'}</p>
        </div>
        <label className="check">
          <input type="checkbox" checked={includeExpired} onChange={(e) => onIncludeExpiredChange(e.target.checked)} />
          Include expired
        </label>
      </div>
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
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col">Token ID</th>
                <th scope="col">Reason</th>
                <th scope="col">Revoked</th>
                <th scope="col">In force until</th>
                <th scope="col">By</th>
              </tr>
            </thead>
            <tbody>
              {revocations.data.items.map((r) => (
                <tr key={r.id}>
                  <td>{r.kind === 'all' ? <Badge tone="danger">all tokens</Badge> : <Badge tone="warning">one token</Badge>}</td>
                  <td className="mono jti-cell">{r.jti ?? <span className="muted">every token minted before</span>}</td>
                  <td>{r.reason ?? <span className="muted">—</span>}</td>
                  <td>
                    <time dateTime={r.revoked_at}>{formatDateTime(r.revoked_at)}</time>
                  </td>
                  <td>{r.expires_at ? <time dateTime={r.expires_at}>{formatDateTime(r.expires_at)}</time> : <span className="muted">—</span>}</td>
                  <td>{r.revoked_by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
