import { useState } from 'react';
import type { Scope } from '@/contract/paths';
import type { MintedTokenRead } from '@/contract/tokens';
import { isKnown } from '@/contract/reading';
import { useMintedTokens } from '@/data/tokens/get-minted-tokens';
import { notAvailable } from '@/lib/not-available';
import { Badge, type Tone } from '@/ui/badge';
import { Button } from '@/ui/button';
import { Card } from '@/ui/card';
import { DateTime } from '@/ui/date-time';
import { Skeleton } from '@/ui/skeleton';
import { EmptyState, ErrorState } from '@/ui/states';
import { Unavailable } from '@/ui/unavailable';
import { TableHead } from '@/ui/table-head';
import { RevokeTokenDialog } from './revoke-token-dialog';

const PAGE = 20;
const STATUS_TONE: Record<string, Tone> = { active: 'success', expired: 'neutral', revoked: 'danger' };

/** Claims in one short line, spaced so that it wraps between claims, not inside one: `{"tenant_id": "t-1", "role": "reader"}`. */
const claimsText = (claims: Record<string, unknown>) => {
  const text = `{${Object.entries(claims)
    .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(', ')}}`;
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
};

/**
 * [extension] The tokens minted for the service (never the tokens): status, and
 * a Revoke per active one that asks first. On a platform that does not list
 * them, it says so and the revoke-by-ID form does the job (when the platform
 * revokes at all: `canRevoke` is false without revocation, or for a viewer).
 */
export function MintedTokensCard({ scope, serviceId, canRevoke }: { scope: Scope; serviceId: string; canRevoke: boolean }) {
  const [limit, setLimit] = useState(PAGE);
  const [revoking, setRevoking] = useState<MintedTokenRead | null>(null);
  const tokens = useMintedTokens(scope, serviceId, limit);

  let body: React.ReactNode;
  if (tokens.isPending) body = <Skeleton height="4rem" />;
  else if (tokens.isError && notAvailable(tokens.error))
    body = (
      <Unavailable capability="mintedTokens">
        <p>This platform does not list minted tokens.{canRevoke && ' Revoke one by its ID (the jti shown when it was minted).'}</p>
      </Unavailable>
    );
  else if (tokens.isError)
    body = <ErrorState title="Minted tokens could not be loaded" error={tokens.error} onRetry={() => void tokens.refetch()} />;
  else if (tokens.data.items.length === 0)
    body = (
      <EmptyState title="No tokens minted yet">
        <p>Tokens minted for this service are listed here, without the token itself.</p>
      </EmptyState>
    );
  else
    body = (
      <>
        <div className="table-wrap table-flat">
          <table className="table table-records minted-tokens">
            <caption className="visually-hidden">Minted tokens</caption>
            <TableHead columns={['Token ID', 'Claims', 'Minted', 'Expires', 'Status', { label: 'Actions', hidden: true }]} />
            <tbody>
              {tokens.data.items.map((t) => (
                <tr key={t.jti}>
                  <td className="mono jti-cell">{t.jti}</td>
                  <td className="mono claims-cell" title={JSON.stringify(t.claims)}>
                    {Object.keys(t.claims).length ? claimsText(t.claims) : <span className="muted">none</span>}
                  </td>
                  <td className="token-minted" data-label="Minted">
                    <DateTime iso={t.issued_at} />
                    {t.issued_by && <span className="muted token-by"> by {t.issued_by}</span>}
                  </td>
                  <td className="token-expires" data-label="Expires">
                    <DateTime iso={t.expires_at} />
                  </td>
                  <td className="token-status">
                    <Badge tone={STATUS_TONE[t.status] ?? 'neutral'}>{t.status}</Badge>
                    {t.revoked_at && (
                      <span className="muted token-by">
                        {' '}
                        <DateTime iso={t.revoked_at} />
                      </span>
                    )}
                  </td>
                  <td className="row-actions-cell">
                    {canRevoke && isKnown(['active'], t.status) && (
                      <Button size="sm" variant="danger" aria-label={`Revoke token ${t.jti}`} onClick={() => setRevoking(t)}>
                        Revoke
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {tokens.data.invalid.length > 0 && (
          <p className="muted">{tokens.data.invalid.length} token(s) could not be read and are not shown.</p>
        )}
        {tokens.data.total > tokens.data.items.length && (
          <div className="form-actions">
            <span className="muted">
              The {tokens.data.items.length} most recent of {tokens.data.total}.
            </span>
            <Button size="sm" pending={tokens.isFetching} onClick={() => setLimit((n) => Math.min(100, n + PAGE))} disabled={limit >= 100}>
              Show more
            </Button>
          </div>
        )}
      </>
    );

  return (
    <Card
      id="minted-title"
      level={3}
      heading="Minted tokens"
      subtitle="Every token minted for this service, newest first. The tokens themselves are never kept: only their ID, claims and times."
    >
      {body}
      {revoking && <RevokeTokenDialog scope={scope} serviceId={serviceId} token={revoking} onClose={() => setRevoking(null)} />}
    </Card>
  );
}
