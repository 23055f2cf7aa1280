import type { CredentialsInfo } from '@/contract/credentials';
import { formatDateTime } from '@/lib/format';

/** Credentials' metadata: what reads return instead of the secret. */
export function CloudCredentialsSummary({ info, label }: { info: CredentialsInfo; label: string }) {
  return (
    <dl className="details credentials-summary" aria-label={label}>
      <div>
        <dt>Provider</dt>
        <dd className="mono">{info.cloud_provider}</dd>
      </div>
      <div>
        <dt>Project</dt>
        <dd className="mono">{info.cloud_project_id}</dd>
      </div>
      <div>
        <dt>Region</dt>
        <dd className="mono">{info.cloud_region ?? <span className="muted">provider default</span>}</dd>
      </div>
      <div>
        <dt>Fingerprint</dt>
        <dd className="mono" title="First 12 hex digits of the SHA-256 of the secret">
          {info.fingerprint}
        </dd>
      </div>
      <div>
        <dt>Updated</dt>
        <dd>
          <time dateTime={info.updated_at}>{formatDateTime(info.updated_at)}</time>
          {info.updated_by && <span className="muted"> by {info.updated_by}</span>}
        </dd>
      </div>
    </dl>
  );
}
