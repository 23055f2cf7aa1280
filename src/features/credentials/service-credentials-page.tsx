import { Link } from '@tanstack/react-router';
import { toast } from 'sonner';
import type { CredentialsInfoRead, EffectiveCredentialsRead } from '@/contract/credentials';
import { useWhoami } from '@/data/auth/get-whoami';
import { useClearServiceCredentials } from '@/data/credentials/clear-service-credentials';
import { useEffectiveCredentials } from '@/data/credentials/get-effective-credentials';
import { useSaveServiceCredentials } from '@/data/credentials/save-service-credentials';
import { useService } from '@/data/services/get-service';
import { useCapability } from '@/lib/capabilities';
import { roleReason } from '@/lib/permissions';
import type { ServiceProps } from '@/lib/route-props';
import { serviceOverview } from '@/lib/service-links';
import { DangerZone } from '@/ui/confirm-dialog';
import { Notice } from '@/ui/notice';
import { EmptyState } from '@/ui/states';
import { Unavailable } from '@/ui/unavailable';
import { CloudCredentialsForm } from './cloud-credentials-form';
import { EffectiveCredentialsPanel } from './effective-credentials-panel';

/**
 * The Credentials tab: which credentials the service deploys with, and its own
 * override. Only persistent services deploy into a cloud project; for an
 * invocation service (whose tab is not shown) one sentence says why. Which
 * credentials are in force is our extension; the documented PUT works without it.
 */
export function ServiceCredentialsPage({ scope, serviceId }: ServiceProps) {
  const service = useService(scope, serviceId);
  if (service.execution_mode !== 'persistent') {
    return (
      <EmptyState
        title="No cloud credentials for invocation services"
        action={
          <Link {...serviceOverview(scope, serviceId)} className="btn btn-secondary">
            Back to the overview
          </Link>
        }
      >
        <p>
          {service.name} runs in invocation mode, on the platform’s own infrastructure: it deploys nothing into a cloud project, so it needs
          no credentials.
        </p>
      </EmptyState>
    );
  }
  return <PersistentServiceCredentials scope={scope} serviceId={serviceId} />;
}

function PersistentServiceCredentials({ scope, serviceId }: ServiceProps) {
  const effective = useEffectiveCredentials(scope, serviceId);
  const me = useWhoami();
  const readOnlyReason = roleReason(me.role, 'service:write');

  return (
    <div className="stack">
      {effective.available ? (
        <EffectiveCredentialsPanel effective={effective.data} />
      ) : (
        <Unavailable capability="effectiveCredentials" level={2} title="Which credentials are in force is not shown on this platform">
          <p>
            The platform does not say whether this service has credentials of its own or uses the organization’s. Credentials set here take
            precedence over the organization’s from the next deploy.
          </p>
        </Unavailable>
      )}
      {readOnlyReason ? (
        <Notice reason={readOnlyReason}>Credentials are shown read-only.</Notice>
      ) : (
        <ServiceCredentialsEditor scope={scope} serviceId={serviceId} effective={effective.available ? effective.data : null} />
      )}
    </div>
  );
}

/** The form, and clearing the override; `effective` null when the platform does not say what is in force. */
function ServiceCredentialsEditor({ scope, serviceId, effective }: ServiceProps & { effective: EffectiveCredentialsRead | null }) {
  const save = useSaveServiceCredentials(scope, serviceId);
  const own = effective?.service ?? null;

  return (
    <>
      <CloudCredentialsForm
        key={own?.fingerprint ?? 'none'}
        owner="service"
        current={own}
        save={save}
        subtitle={
          !effective
            ? 'Sets this service’s own credentials, replacing any it has. The secret is sent once and never shown again.'
            : own
              ? 'The new credentials replace the current ones for the next deploy.'
              : effective.organization
                ? 'Optional: this service uses the organization’s credentials. Its own credentials take precedence over them.'
                : 'No organization credentials exist, so this service cannot deploy until it has its own.'
        }
      />
      {own && effective && <ClearOverride scope={scope} serviceId={serviceId} own={own} organization={effective.organization} />}
    </>
  );
}

function ClearOverride({
  scope,
  serviceId,
  own,
  organization,
}: ServiceProps & { own: CredentialsInfoRead; organization: CredentialsInfoRead | null }) {
  const clear = useClearServiceCredentials(scope, serviceId);
  const clearing = useCapability('serviceCredentialsClear');
  // Once the platform has said it cannot, say so in place of the button (an open confirmation shows the refusal first).
  if (clearing === 'unavailable' && !clear.isError) {
    return (
      <Unavailable
        capability="serviceCredentialsClear"
        level={2}
        title="Clearing this service’s credentials is not available on this platform"
      >
        <p>The service keeps its own credentials. Replace them with the form above.</p>
      </Unavailable>
    );
  }
  return (
    <DangerZone
      id="clear-title"
      heading="Clear the override"
      description={
        <p>
          {organization
            ? `The service will use the organization’s credentials (${organization.cloud_provider} / ${organization.cloud_project_id}) from its next deploy.`
            : 'The organization has no credentials: after clearing, deploys of this service will fail.'}
        </p>
      }
      buttonLabel="Clear service credentials"
      title="Clear this service’s credentials?"
      state={clear}
      run={() => clear.mutateAsync()}
      onDone={() =>
        toast.success(
          organization
            ? 'Override cleared: the service uses the organization’s credentials'
            : 'Override cleared: the service has no credentials',
        )
      }
    >
      <p>
        The service’s own credentials (<span className="mono">{own.cloud_project_id}</span>
        {own.fingerprint && (
          <>
            , fingerprint <span className="mono">{own.fingerprint}</span>
          </>
        )}
        ) will be deleted.
      </p>
      <p>
        {organization
          ? `From the next deploy it uses the organization’s credentials: ${organization.cloud_provider} / ${organization.cloud_project_id}.`
          : 'The organization has no credentials, so deploys of this service will fail until credentials are set again.'}
      </p>
    </DangerZone>
  );
}
