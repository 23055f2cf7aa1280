import './tokens.css';
import { useWhoami } from '@/data/auth/get-whoami';
import { useService } from '@/data/services/get-service';
import { useCapability } from '@/lib/capabilities';
import { roleReason } from '@/lib/permissions';
import type { SearchProps, ServiceProps } from '@/lib/route-props';
import { Notice } from '@/ui/notice';
import { Unavailable } from '@/ui/unavailable';
import { MintTokenCard } from './mint-token-card';
import { MintedTokensCard } from './minted-tokens-card';
import { RevocationsCard } from './revocations-card';
import { RevokeAllCard } from './revoke-all-card';
import { RevokeTokenCard } from './revoke-token-card';

/**
 * The Tokens tab: mint service tokens for the gateway (documented), see what
 * was minted, revoke them, and see what is revoked (our paths for seed 004's
 * calls: optional).
 */
export function TokensPage({ scope, serviceId, search, onSearchChange }: ServiceProps & SearchProps<{ expired: boolean }>) {
  const service = useService(scope, serviceId);
  const me = useWhoami();
  const readOnlyReason = roleReason(me.role, 'service:write');
  const revocation = useCapability('tokenRevocation');

  return (
    <div className="stack">
      <div className="section-header">
        <div>
          <h2>Service tokens</h2>
          <p className="muted card-subtitle">Clients call the gateway with a service token as their Bearer credential.</p>
        </div>
      </div>
      {readOnlyReason ? (
        <Notice reason={readOnlyReason}>Minting and revoking tokens is not offered; revocations are shown read-only.</Notice>
      ) : (
        <div className={revocation === 'unavailable' ? undefined : 'tokens-grid'}>
          <MintTokenCard scope={scope} serviceId={serviceId} serviceName={service.name} />
          {revocation !== 'unavailable' && <RevokeTokenCard scope={scope} serviceId={serviceId} />}
        </div>
      )}
      <MintedTokensCard scope={scope} serviceId={serviceId} canRevoke={!readOnlyReason && revocation !== 'unavailable'} />
      {revocation === 'unavailable' ? (
        <Unavailable capability="tokenRevocation" level={2} title="Token revocation is not available on this platform">
          <p>
            Revoking a token, revoking every token and the list of revocations are not offered here. A minted token works until it expires:
            mint tokens with a short TTL, and mint new ones to rotate.
          </p>
        </Unavailable>
      ) : (
        <>
          <RevocationsCard
            scope={scope}
            serviceId={serviceId}
            includeExpired={search.expired}
            onIncludeExpiredChange={(expired) => onSearchChange({ expired })}
          />
          {!readOnlyReason && <RevokeAllCard scope={scope} service={service} />}
        </>
      )}
    </div>
  );
}
