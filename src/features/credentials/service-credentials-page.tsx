import { useState } from 'react';
import { toast } from 'sonner';
import { useWhoami } from '@/data/auth/get-whoami';
import { CloudCredentialsForm } from './cloud-credentials-form';
import { Button } from '@/ui/button';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import type { CredentialsWrite, EffectiveCredentials } from '@/contract/credentials';
import { roleReason } from '@/lib/permissions';
import { useClearServiceCredentials } from '@/data/credentials/clear-service-credentials';
import { useEffectiveCredentials } from '@/data/credentials/get-effective-credentials';
import { useSaveServiceCredentials } from '@/data/credentials/save-service-credentials';
import { EffectiveCredentialsPanel } from './effective-credentials-panel';
import type { ServiceProps } from '@/lib/route-props';

/** The Credentials tab: which credentials the service deploys with, and its own override. */
export function ServiceCredentialsPage({ scope, serviceId }: ServiceProps) {
  const effective = useEffectiveCredentials(scope, serviceId);
  const me = useWhoami();
  const readOnlyReason = roleReason(me.role, 'service:write');

  return (
    <div className="stack">
      <EffectiveCredentialsPanel effective={effective} />
      {readOnlyReason ? (
        <p className="notice" role="note">
          {readOnlyReason} Credentials are shown read-only.
        </p>
      ) : (
        <ServiceCredentialsEditor scope={scope} serviceId={serviceId} effective={effective} />
      )}
    </div>
  );
}

function ServiceCredentialsEditor({ scope, serviceId, effective }: ServiceProps & { effective: EffectiveCredentials }) {
  const save = useSaveServiceCredentials(scope, serviceId);
  const clear = useClearServiceCredentials(scope, serviceId);
  const [confirmClear, setConfirmClear] = useState(false);
  const own = effective.service;

  const onSave = async (values: CredentialsWrite) => {
    try {
      await save.mutateAsync(values);
      toast.success(own ? 'Service credentials replaced' : 'Service credentials saved: this service now uses its own');
    } finally {
      // Whatever happened, the secret does not stay in the mutation cache.
      save.reset();
    }
  };

  return (
    <>
      <CloudCredentialsForm
        key={own?.fingerprint ?? 'none'}
        current={own}
        onSave={onSave}
        title={own ? 'Replace this service’s credentials' : 'Set credentials for this service'}
        subtitle={
          own
            ? 'The new credentials replace the current ones for the next deploy.'
            : effective.organization
              ? 'Optional: this service uses the organization’s credentials. Its own credentials take precedence over them.'
              : 'No organization credentials exist, so this service cannot deploy until it has its own.'
        }
        submitLabel={own ? 'Replace credentials' : 'Save credentials'}
      />
      {own && (
        <section className="card danger-zone" aria-labelledby="clear-title">
          <h2 id="clear-title">Clear the override</h2>
          <p>
            {effective.organization
              ? `The service will use the organization’s credentials (${effective.organization.cloud_provider} / ${effective.organization.cloud_project_id}) from its next deploy.`
              : 'The organization has no credentials: after clearing, deploys of this service will fail.'}
          </p>
          <Button variant="danger" onClick={() => setConfirmClear(true)}>
            Clear service credentials
          </Button>
          <ConfirmDialog
            open={confirmClear}
            onOpenChange={(next) => {
              setConfirmClear(next);
              if (!next) clear.reset();
            }}
            title="Clear this service’s credentials?"
            actionLabel="Clear service credentials"
            pending={clear.isPending}
            error={clear.error?.message}
            onConfirm={() =>
              clear.mutate(undefined, {
                onSuccess: () => {
                  setConfirmClear(false);
                  toast.success(effective.organization ? 'Override cleared: the service uses the organization’s credentials' : 'Override cleared: the service has no credentials');
                },
              })
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
          </ConfirmDialog>
        </section>
      )}
    </>
  );
}
