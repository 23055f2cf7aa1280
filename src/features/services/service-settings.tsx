import { Link, useNavigate } from '@tanstack/react-router';
import { toast } from 'sonner';
import type { Scope } from '@/contract/paths';
import { crossFieldIssues, ServiceUpdate, type HostedServiceRead } from '@/contract/services';
import { useWhoami } from '@/data/auth/get-whoami';
import { useRings } from '@/data/rings/get-rings';
import { useDeleteService, useForgetDeletedService } from '@/data/services/delete-service';
import { useService } from '@/data/services/get-service';
import { useUpdateService } from '@/data/services/update-service';
import { withRules, nullableText } from '@/lib/form-schema';
import { roleReason } from '@/lib/permissions';
import type { ServiceProps } from '@/lib/route-props';
import { useServerForm } from '@/lib/use-server-form';
import { useFormChanged } from '@/lib/use-form-changed';
import { useUnsavedChanges } from '@/lib/use-unsaved-changes';
import { serviceOverview } from '@/lib/service-links';
import { Button } from '@/ui/button';
import { DangerZone } from '@/ui/confirm-dialog';
import { Field } from '@/ui/field';
import { FormFooter } from '@/ui/form-footer';
import { NotAllowed } from '@/ui/not-allowed';
import { TextField } from '@/ui/text-field';
import { UnsavedChangesDialog } from '@/ui/unsaved-changes-dialog';
import { ExecutionModeField } from './execution-mode-field';
import { PersistentSettingsFields } from './persistent-settings-fields';
import { RingSelect } from './ring-select';
import { SERVICE_FORM_FIELDS } from './service-form-fields';

/** The update schema plus the rules that span fields — the same ones the platform checks. */
const SettingsSchema = withRules(ServiceUpdate, crossFieldIssues);

function valuesOf(s: HostedServiceRead): ServiceUpdate {
  return {
    name: s.name,
    execution_mode: s.execution_mode,
    ring_id: s.ring_id,
    description: s.description,
    environment_id: s.environment_id,
    min_replicas: s.min_replicas,
    max_replicas: s.max_replicas,
    concurrency_per_replica: s.concurrency_per_replica,
    scale_threshold: s.scale_threshold,
    startup_timeout_seconds: s.startup_timeout_seconds,
    base_image: s.base_image,
    system_packages: s.system_packages,
  };
}

export function ServiceSettings({ scope, serviceId }: ServiceProps) {
  const service = useService(scope, serviceId);
  const me = useWhoami();
  const readOnlyReason = roleReason(me.role, 'service:write');
  const rings = useRings(scope);
  const update = useUpdateService(scope, serviceId);
  const server = useServerForm({
    schema: SettingsSchema,
    fields: SERVICE_FORM_FIELDS,
    values: valuesOf(service),
    resetOptions: { keepDirtyValues: true },
    // Only what changed is sent: a field the user did not touch keeps whatever the platform holds.
    send: (values, { form }) =>
      update.mutateAsync(
        Object.fromEntries(
          Object.entries(values).filter(([key]) => form.formState.dirtyFields[key as keyof ServiceUpdate]),
        ) as ServiceUpdate,
      ),
    onSuccess: (saved, _values, { form }) => {
      form.reset(valuesOf(saved));
      toast.success('Settings saved');
    },
  });
  const { form } = server;
  const { register, formState, watch } = form;
  const mode = watch('execution_mode');
  // Leaving with an edit not saved (another tab, another page, closing the tab) asks first.
  const changed = useFormChanged(form);
  const guard = useUnsavedChanges(changed && !server.pending);

  return (
    <div className="stack">
      {readOnlyReason && (
        // A guard, not a form: why this role cannot change settings, and a way back; the settings below are for reading.
        <NotAllowed
          title="You can’t change this service’s settings"
          reason={readOnlyReason}
          action={
            <Link {...serviceOverview(scope, serviceId)} className="btn btn-secondary">
              Back to the overview
            </Link>
          }
        >
          <p>They are shown below, read-only.</p>
        </NotAllowed>
      )}
      <form className="form card" onSubmit={server.onSubmit} noValidate aria-labelledby="settings-title">
        <h2 id="settings-title">General</h2>
        <fieldset className="fieldset-plain" disabled={!!readOnlyReason}>
          <TextField form={form} name="name" label="Name" required />
          <Field label="Slug" hint="The slug is immutable after creation.">
            <input className="input mono" value={service.slug} readOnly aria-readonly="true" />
          </Field>
          <ExecutionModeField
            register={register}
            error={formState.errors.execution_mode?.message}
            disabled={service.status !== 'draft'}
            disabledReason={
              service.status !== 'draft'
                ? `The execution mode can be changed only while the service is draft; this one is ${service.status}.`
                : undefined
            }
          />
          <RingSelect
            rings={rings}
            required={mode === 'invocation'}
            error={formState.errors.ring_id?.message}
            {...register('ring_id', { setValueAs: (v: string | null) => (v === '' ? null : v) })}
          />
          <TextField
            form={form}
            name="description"
            label="Description"
            rows={3}
            options={{ setValueAs: (v: string | null) => (v === null || v.trim() === '' ? null : v) }}
          />
          <TextField
            form={form}
            name="environment_id"
            label="Environment ID"
            hint="Optional: the UUID of the environment the service is scoped to (with its ring)."
            code
            placeholder="3f1c2a9e-5b7d-4c1e-9a2b-6d8e0f4a1c3b"
            options={{ setValueAs: nullableText }}
          />
          {mode === 'persistent' && <PersistentSettingsFields form={form} />}
        </fieldset>
        {!readOnlyReason && (
          <FormFooter form={server} submit={{ label: 'Save', disabled: !changed }}>
            <Button disabled={!changed} onClick={() => form.reset(valuesOf(service))}>
              Discard changes
            </Button>
          </FormFooter>
        )}
      </form>
      {!readOnlyReason && <DeleteService scope={scope} service={service} onLeave={guard.release} />}
      <UnsavedChangesDialog guard={guard} what="This service’s settings" />
    </div>
  );
}

/** Delete the service, then leave its pages (`onLeave` first: an unsaved edit of a deleted service is not worth asking about). */
function DeleteService({ scope, service, onLeave }: { scope: Scope; service: HostedServiceRead; onLeave: () => void }) {
  const navigate = useNavigate();
  const remove = useDeleteService(scope, service.id);
  const forget = useForgetDeletedService(scope, service.id);
  return (
    <DangerZone
      id="danger-title"
      heading="Delete this service"
      description={
        <p>Deleting removes the service, all its versions and endpoints. Clients calling it will get errors. This cannot be undone.</p>
      }
      buttonLabel="Delete service"
      title={`Delete ${service.name}?`}
      confirmText={service.slug}
      state={remove}
      run={() => remove.mutateAsync()}
      onDone={() => {
        toast.success(`Service ${service.name} deleted`);
        onLeave();
        void navigate({ to: '/orgs/$orgId/workspaces/$workspaceId/services', params: scope }).then(forget);
      }}
    >
      <p>
        The service <strong>{service.name}</strong> (<span className="mono">{service.slug}</span>) and all its versions will be deleted
        permanently.
      </p>
    </DangerZone>
  );
}
