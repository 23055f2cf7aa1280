import './tokens.css';
import { useService } from '@/data/services/get-service';
import { useWhoami } from '@/data/auth/get-whoami';
import { roleReason } from '@/lib/permissions';
import { MintTokenCard } from './mint-token-card';
import { RevocationsCard } from './revocations-card';
import { RevokeAllCard } from './revoke-all-card';
import { RevokeTokenCard } from './revoke-token-card';
import type { ServiceProps } from '@/lib/route-props';

/** The Tokens tab: mint service tokens for the gateway, revoke them, and see what is revoked. */
export function TokensPage({
  scope,
  serviceId,
  includeExpired,
  onIncludeExpiredChange,
}: ServiceProps & { includeExpired: boolean; onIncludeExpiredChange: (v: boolean) => void }) {
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
        <p className="notice" role="note">
          {readOnlyReason} Minting and revoking tokens is not offered; revocations are shown read-only.
        </p>
      ) : (
        <div className="tokens-grid">
          <MintTokenCard scope={scope} serviceId={serviceId} serviceName={service.name} />
          <RevokeTokenCard scope={scope} serviceId={serviceId} />
        </div>
      )}
      <RevocationsCard scope={scope} serviceId={serviceId} includeExpired={includeExpired} onIncludeExpiredChange={onIncludeExpiredChange} />
      {!readOnlyReason && <RevokeAllCard scope={scope} service={service} />}
    </div>
  );
}
