import { zodResolver } from '@hookform/resolvers/zod';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { useRings } from '@/data/rings/get-rings';
import { useWhoami } from '@/data/auth/get-whoami';
import { Button } from '@/ui/button';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { Field } from '@/ui/field';
import { crossFieldIssues, ServiceUpdate, type HostedService } from '@/contract/services';
import { applyServerErrors } from '@/lib/form-errors';
import { roleReason } from '@/lib/permissions';
import { useDeleteService, useForgetDeletedService } from '@/data/services/delete-service';
import { useService } from '@/data/services/get-service';
import { useUpdateService } from '@/data/services/update-service';
import { ExecutionModeField } from './execution-mode-field';
import { SERVICE_FORM_FIELDS } from './service-form-fields';
import { PersistentSettingsFields } from './persistent-settings-fields';
import { RingSelect } from './ring-select';
import type { ServiceProps } from '@/lib/route-props';
import type { Scope } from '@/contract/paths';

/** The update schema plus the rules that span fields — the same ones the platform checks. */
const settingsSchema = ServiceUpdate.superRefine((s, ctx) => {
  for (const issue of crossFieldIssues(s)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
});

const FIELDS = SERVICE_FORM_FIELDS;

function valuesOf(s: HostedService): ServiceUpdate {
  return {
    name: s.name,
    execution_mode: s.execution_mode,
    ring_id: s.ring_id,
    description: s.description,
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
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<ServiceUpdate>({
    resolver: zodResolver(settingsSchema),
    // Validate on submit, then as the user corrects; validating on blur shifts the layout under the pointer.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    values: valuesOf(service),
    resetOptions: { keepDirtyValues: true },
  });
  const { register, handleSubmit, formState, watch, control, setError } = form;
  const mode = watch('execution_mode');

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const changed = Object.fromEntries(
      Object.entries(values).filter(([key]) => formState.dirtyFields[key as keyof ServiceUpdate]),
    ) as ServiceUpdate;
    try {
      const saved = await update.mutateAsync(changed);
      form.reset(valuesOf(saved));
      toast.success('Settings saved');
    } catch (error) {
      setFormError(applyServerErrors(error, setError, FIELDS));
    }
  });

  return (
    <div className="stack">
      <form className="form card" onSubmit={submit} noValidate aria-labelledby="settings-title">
        <h2 id="settings-title">General</h2>
        {readOnlyReason && (
          <p className="notice" role="note">
            {readOnlyReason} Settings are shown read-only.
          </p>
        )}
        <fieldset className="fieldset-plain" disabled={!!readOnlyReason}>
          <Field label="Name" required error={formState.errors.name?.message}>
            <input className="input" autoComplete="off" {...register('name')} />
          </Field>
          <Field label="Slug" hint="The slug is immutable after creation.">
            <input className="input mono" value={service.slug} readOnly aria-readonly="true" />
          </Field>
          <ExecutionModeField
            register={register}
            error={formState.errors.execution_mode?.message}
            disabled={service.status !== 'draft'}
            disabledReason={service.status !== 'draft' ? `The execution mode can be changed only while the service is draft; this one is ${service.status}.` : undefined}
          />
          <RingSelect
            rings={rings}
            required={mode === 'invocation'}
            error={formState.errors.ring_id?.message}
            {...register('ring_id', { setValueAs: (v: string | null) => (v === '' ? null : v) })}
          />
          <Field label="Description" error={formState.errors.description?.message}>
            <textarea className="input" rows={3} {...register('description', { setValueAs: (v: string | null) => (v === null || v.trim() === '' ? null : v) })} />
          </Field>
          {mode === 'persistent' && <PersistentSettingsFields register={register} control={control} errors={formState.errors} />}
        </fieldset>
        {formError && (
          <p className="form-alert" role="alert">
            {formError}
          </p>
        )}
        {!readOnlyReason && (
          <div className="form-actions">
            <Button disabled={!formState.isDirty} onClick={() => form.reset(valuesOf(service))}>
              Discard changes
            </Button>
            <Button type="submit" variant="primary" disabled={!formState.isDirty} pending={formState.isSubmitting}>
              Save
            </Button>
          </div>
        )}
      </form>
      {!readOnlyReason && <DangerZone scope={scope} service={service} />}
    </div>
  );
}

function DangerZone({ scope, service }: { scope: Scope; service: HostedService }) {
  const navigate = useNavigate();
  const remove = useDeleteService(scope, service.id);
  const forget = useForgetDeletedService(scope, service.id);
  const [open, setOpen] = useState(false);
  return (
    <section className="card danger-zone" aria-labelledby="danger-title">
      <h2 id="danger-title">Delete this service</h2>
      <p>Deleting removes the service, all its versions and endpoints. Clients calling it will get errors. This cannot be undone.</p>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete service
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) remove.reset();
        }}
        title={`Delete ${service.name}?`}
        actionLabel="Delete service"
        confirmText={service.slug}
        pending={remove.isPending}
        error={remove.error?.message}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              setOpen(false);
              toast.success(`Service ${service.name} deleted`);
              void navigate({ to: '/orgs/$orgId/workspaces/$workspaceId/services', params: scope }).then(forget);
            },
          })
        }
      >
        <p>
          The service <strong>{service.name}</strong> (<span className="mono">{service.slug}</span>) and all its versions will be deleted permanently.
        </p>
      </ConfirmDialog>
    </section>
  );
}
