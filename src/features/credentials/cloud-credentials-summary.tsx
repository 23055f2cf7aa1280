import type { CredentialsInfoRead } from '@/contract/credentials';
import { DateTime } from '@/ui/date-time';
import { Detail } from '@/ui/details';

/** Credentials' metadata: what reads return instead of the secret. */
export function CloudCredentialsSummary({ info, label }: { info: CredentialsInfoRead; label: string }) {
  return (
    <dl className="details credentials-summary" aria-label={label}>
      <Detail term="Provider" mono>
        {info.cloud_provider}
      </Detail>
      <Detail term="Project" mono>
        {info.cloud_project_id}
      </Detail>
      <Detail term="Region" mono>
        {info.cloud_region ?? <span className="muted">provider default</span>}
      </Detail>
      <Detail term="Fingerprint" mono title="First 12 hex digits of the SHA-256 of the secret">
        {info.fingerprint ?? <span className="muted">not given</span>}
      </Detail>
      <Detail term="Updated">
        <DateTime iso={info.updated_at} />
        {info.updated_by && <span className="muted"> by {info.updated_by}</span>}
      </Detail>
    </dl>
  );
}
