import './tokens.css';
import { useWhoami } from '@/data/auth/get-whoami';
import { useService } from '@/data/services/get-service';
import { roleReason } from '@/lib/permissions';
import type { SearchProps, ServiceProps } from '@/lib/route-props';
import { Notice } from '@/ui/notice';
import { MintTokenCard } from './mint-token-card';
import { MintedTokensCard } from './minted-tokens-card';
import { RevocationsCard } from './revocations-card';
import { RevokeAllCard } from './revoke-all-card';
import { RevokeTokenCard } from './revoke-token-card';

/** The Tokens tab: mint service tokens for the gateway, see what was minted, revoke them, and see what is revoked. */
export function TokensPage({ scope, serviceId, search, onSearchChange }: ServiceProps & SearchProps<{ expired: boolean }>) {
  const service = useService(scope, serviceId);
  const me = useWhoami();
  const readOnlyReason = roleReason(me.role, 'service:write');

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
        <div className="tokens-grid">
          <MintTokenCard scope={scope} serviceId={serviceId} serviceName={service.name} />
          <RevokeTokenCard scope={scope} serviceId={serviceId} />
        </div>
      )}
      <MintedTokensCard scope={scope} serviceId={serviceId} canRevoke={!readOnlyReason} />
      <RevocationsCard scope={scope} serviceId={serviceId} includeExpired={search.expired} onIncludeExpiredChange={(expired) => onSearchChange({ expired })} />
      {!readOnlyReason && <RevokeAllCard scope={scope} service={service} />}
    </div>
  );
}
