import type { Scope } from '@/contract/paths';
import { useRevocations } from '@/data/tokens/get-revocations';
import { Badge, ValueBadge } from '@/ui/badge';
import { Card } from '@/ui/card';
import { DateTime } from '@/ui/date-time';
import { InvalidTableRows } from '@/ui/invalid-rows';
import { Skeleton } from '@/ui/skeleton';
import { EmptyState, ErrorState } from '@/ui/states';
import { TableHead } from '@/ui/table-head';

const COLUMNS = ['What', 'Token ID', 'Reason', 'Revoked', 'In force until', 'By'];

/** The revocations the gateway enforces; expired ones (the tokens would be refused anyway) on request. Shown only where the platform lists them. */
export function RevocationsCard({
  scope,
  serviceId,
  includeExpired,
  onIncludeExpiredChange,
}: {
  scope: Scope;
  serviceId: string;
  includeExpired: boolean;
  onIncludeExpiredChange: (v: boolean) => void;
}) {
  const revocations = useRevocations(scope, serviceId, includeExpired);
  return (
    <Card
      id="revocations-title"
      level={3}
      heading="Revocations"
      subtitle={includeExpired ? 'All revocations, including those whose tokens have expired.' : 'Revocations still in force.'}
      actions={
        <label className="check nowrap">
          <input type="checkbox" checked={includeExpired} onChange={(e) => onIncludeExpiredChange(e.target.checked)} />
          Include expired
        </label>
      }
    >
      {revocations.isPending ? (
        <Skeleton height="4rem" />
      ) : revocations.isError ? (
        <ErrorState title="Revocations could not be loaded" error={revocations.error} onRetry={() => void revocations.refetch()} />
      ) : !revocations.data.available ? null : revocations.data.data.items.length === 0 && revocations.data.data.invalid.length === 0 ? (
        <EmptyState title="No revocations">
          <p>{includeExpired ? 'No token of this service was ever revoked.' : 'No revocation in force. Every unexpired token works.'}</p>
        </EmptyState>
      ) : (
        <div className="table-wrap table-flat">
          <table className="table table-records revocations">
            <caption className="visually-hidden">Revocations</caption>
            <TableHead columns={COLUMNS} />
            <tbody>
              {revocations.data.data.items.map((r) => (
                <tr key={r.id}>
                  <td className="revocation-kind">
                    {r.kind === 'all' ? (
                      <Badge tone="danger">all tokens</Badge>
                    ) : r.kind === 'token' ? (
                      <Badge tone="warning">one token</Badge>
                    ) : (
                      <ValueBadge value={r.kind} tones={{}} />
                    )}
                  </td>
                  <td className="mono jti-cell">{r.jti ?? <span className="muted">every token minted before</span>}</td>
                  <td className="revocation-reason">{r.reason ?? <span className="muted">—</span>}</td>
                  <td className="revocation-at" data-label="Revoked">
                    <DateTime iso={r.revoked_at} />
                  </td>
                  <td className="revocation-until" data-label="In force until">
                    <DateTime iso={r.expires_at} fallback={r.kind === 'token' ? 'until the token expires' : '—'} />
                  </td>
                  <td className="revocation-by" data-label="By">
                    {r.revoked_by ?? <span className="muted">—</span>}
                  </td>
                </tr>
              ))}
              <InvalidTableRows rows={revocations.data.data.invalid} columns={COLUMNS.length} noun="Revocation" />
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
