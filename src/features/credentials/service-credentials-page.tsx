import { Link } from '@tanstack/react-router';
import { toast } from 'sonner';
import type { EffectiveCredentials } from '@/contract/credentials';
import { useWhoami } from '@/data/auth/get-whoami';
import { useClearServiceCredentials } from '@/data/credentials/clear-service-credentials';
import { useEffectiveCredentials } from '@/data/credentials/get-effective-credentials';
import { useSaveServiceCredentials } from '@/data/credentials/save-service-credentials';
import { useService } from '@/data/services/get-service';
import { roleReason } from '@/lib/permissions';
import type { ServiceProps } from '@/lib/route-props';
import { DangerZone } from '@/ui/confirm-dialog';
import { Notice } from '@/ui/notice';
import { EmptyState } from '@/ui/states';
import { CloudCredentialsForm } from './cloud-credentials-form';
import { EffectiveCredentialsPanel } from './effective-credentials-panel';

/**
 * The Credentials tab: which credentials the service deploys with, and its own
 * override. Only persistent services deploy into a cloud project; for an
 * invocation service (whose tab is not shown) one sentence says why.
 */
export function ServiceCredentialsPage({ scope, serviceId }: ServiceProps) {
  const service = useService(scope, serviceId);
  if (service.execution_mode !== 'persistent') {
    return (
      <EmptyState
        title="No cloud credentials for invocation services"
        action={
          <Link to="/orgs/$orgId/workspaces/$workspaceId/services/$serviceId" params={{ ...scope, serviceId }} className="btn btn-secondary">
            Back to the overview
          </Link>
        }
      >
        <p>{service.name} runs in invocation mode, on the platform’s own infrastructure: it deploys nothing into a cloud project, so it needs no credentials.</p>
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
      <EffectiveCredentialsPanel effective={effective} />
      {readOnlyReason ? (
        <Notice reason={readOnlyReason}>Credentials are shown read-only.</Notice>
      ) : (
        <ServiceCredentialsEditor scope={scope} serviceId={serviceId} effective={effective} />
      )}
    </div>
  );
}

function ServiceCredentialsEditor({ scope, serviceId, effective }: ServiceProps & { effective: EffectiveCredentials }) {
  const save = useSaveServiceCredentials(scope, serviceId);
  const clear = useClearServiceCredentials(scope, serviceId);
  const own = effective.service;

  return (
    <>
      <CloudCredentialsForm
        key={own?.fingerprint ?? 'none'}
        owner="service"
        current={own}
        save={save}
        subtitle={
          own
            ? 'The new credentials replace the current ones for the next deploy.'
            : effective.organization
              ? 'Optional: this service uses the organization’s credentials. Its own credentials take precedence over them.'
              : 'No organization credentials exist, so this service cannot deploy until it has its own.'
        }
      />
      {own && (
        <DangerZone
          id="clear-title"
          heading="Clear the override"
          description={
            <p>
              {effective.organization
                ? `The service will use the organization’s credentials (${effective.organization.cloud_provider} / ${effective.organization.cloud_project_id}) from its next deploy.`
                : 'The organization has no credentials: after clearing, deploys of this service will fail.'}
            </p>
          }
          buttonLabel="Clear service credentials"
          title="Clear this service’s credentials?"
          state={clear}
          run={() => clear.mutateAsync()}
          onDone={() =>
            toast.success(effective.organization ? 'Override cleared: the service uses the organization’s credentials' : 'Override cleared: the service has no credentials')
          }
        >
          <p>
            The service’s own credentials (<span className="mono">{own.cloud_project_id}</span>, fingerprint <span className="mono">{own.fingerprint}</span>) will be deleted.
          </p>
          <p>
            {effective.organization
              ? `From the next deploy it uses the organization’s credentials: ${effective.organization.cloud_provider} / ${effective.organization.cloud_project_id}.`
              : 'The organization has no credentials, so deploys of this service will fail until credentials are set again.'}
          </p>
        </DangerZone>
      )}
    </>
  );
}
