import type { CredentialsInfoRead, EffectiveCredentialsRead } from '@/contract/credentials';
import { Badge, withTone, type Tone } from '@/ui/badge';
import { CloudCredentialsSummary } from './cloud-credentials-summary';

const SOURCE: Record<string, { title: string; detail: string; tone: Tone } | undefined> = {
  service: { title: 'This service uses its own credentials', detail: 'They take precedence over the organization’s.', tone: 'info' },
  organization: {
    title: 'This service uses the organization’s credentials',
    detail: 'Set credentials below to isolate it in its own project.',
    tone: 'success',
  },
  none: {
    title: 'No credentials: deploys will fail',
    detail: 'Set this service’s credentials, or ask an admin to set the organization’s.',
    tone: 'danger',
  },
};

/** Which credentials are in force, and both records side by side. */
export function EffectiveCredentialsPanel({ effective }: { effective: EffectiveCredentialsRead }) {
  // A source this console does not know is named as the platform named it.
  const source = SOURCE[effective.source] ?? {
    title: `The platform says these credentials come from “${effective.source}”`,
    detail: 'A source this console does not know.',
    tone: 'neutral' as const,
  };
  return (
    <section className="card" aria-labelledby="effective-title">
      <h2 id="effective-title">Effective credentials</h2>
      <div className={withTone('credentials-source', source.tone)} role="status" aria-label="Credentials in force">
        <p>
          <strong>{source.title}</strong>
          <span className="muted">{source.detail}</span>
        </p>
      </div>
      {effective.effective && <CloudCredentialsSummary info={effective.effective} label="Credentials in force" />}
      <div className="credentials-compare">
        <CredentialsRecord title="This service’s credentials" info={effective.service} inForce={effective.source === 'service'} />
        <CredentialsRecord title="Organization’s credentials" info={effective.organization} inForce={effective.source === 'organization'} />
      </div>
    </section>
  );
}

function CredentialsRecord({ title, info, inForce }: { title: string; info: CredentialsInfoRead | null; inForce: boolean }) {
  return (
    <section className="credentials-record" data-in-force={inForce} aria-label={title}>
      <h3>
        {title} {inForce ? <Badge tone="success">in force</Badge> : info ? <Badge>overridden</Badge> : null}
      </h3>
      {info ? <CloudCredentialsSummary info={info} label={title} /> : <p className="muted">None set.</p>}
    </section>
  );
}
