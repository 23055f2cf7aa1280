import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { useRings } from '@/data/rings/get-rings';
import { Button } from '@/ui/button';
import { Field } from '@/ui/field';
import { PERSISTENT_DEFAULTS, ServiceCreate, slugify, type ServiceCreate as ServiceCreateOutput, type ServiceCreateInput } from '@/contract/services';
import { ApiError } from '@/lib/api-error';
import { applyServerErrors } from '@/lib/form-errors';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useCreateService } from '@/data/services/create-service';
import { ExecutionModeField } from './execution-mode-field';
import { SERVICE_FORM_FIELDS } from './service-form-fields';
import { PersistentSettingsFields } from './persistent-settings-fields';
import { RingSelect } from './ring-select';
import type { WorkspaceProps } from '@/lib/route-props';

const FIELDS = SERVICE_FORM_FIELDS;

/** The payload the platform's guide shows for each mode: persistent settings only for persistent services. */
function toPayload(values: ServiceCreateOutput): ServiceCreateInput {
  const common = { name: values.name, slug: values.slug, execution_mode: values.execution_mode, description: values.description ?? undefined };
  if (values.execution_mode === 'invocation') return { ...common, ring_id: values.ring_id };
  const { min_replicas, max_replicas, concurrency_per_replica, scale_threshold, startup_timeout_seconds, base_image, system_packages } = values;
  return {
    ...common,
    ...(values.ring_id ? { ring_id: values.ring_id } : {}),
    min_replicas,
    max_replicas,
    concurrency_per_replica,
    scale_threshold,
    startup_timeout_seconds,
    base_image,
    system_packages,
  };
}

export function CreateServicePage({ scope }: WorkspaceProps) {
  const navigate = useNavigate();
  const rings = useRings(scope);
  const create = useCreateService(scope);
  const idempotency = useIdempotencyKey();
  const [formError, setFormError] = useState<{ message: string; retryable: boolean } | null>(null);
  const [slugEdited, setSlugEdited] = useState(false);

  const form = useForm<ServiceCreateInput, unknown, ServiceCreateOutput>({
    resolver: zodResolver(ServiceCreate),
    // Validate on submit, then as the user corrects; validating on blur shifts the layout under the pointer.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldUnregister: true,
    defaultValues: { name: '', slug: '', execution_mode: 'invocation', description: undefined, ...PERSISTENT_DEFAULTS, system_packages: [] },
  });
  const { register, handleSubmit, formState, setValue, watch, control, setError } = form;
  const mode = watch('execution_mode');

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const payload = toPayload(values);
    try {
      // A retry of the same submission reuses its key, so the platform creates it once.
      const service = await create.mutateAsync({ input: payload, idempotencyKey: idempotency.keyFor(payload) });
      idempotency.reset();
      toast.success(`Service ${service.name} created`, { description: `Version 1 is a draft, ready for endpoints.` });
      await navigate({ to: '/orgs/$orgId/workspaces/$workspaceId/services/$serviceId', params: { ...scope, serviceId: service.id } });
    } catch (error) {
      const message = applyServerErrors(error, setError, FIELDS);
      if (message) setFormError({ message, retryable: error instanceof ApiError && error.retryable });
    }
  });

  const name = register('name', {
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      if (!slugEdited) setValue('slug', slugify(e.target.value), { shouldValidate: formState.isSubmitted });
    },
  });
  const slug = register('slug', {
    onChange: () => {
      setSlugEdited(true);
      // Checked as typed, not only on blur.
      void form.trigger('slug');
    },
  });

  return (
    <section className="page page-narrow" aria-labelledby="new-service-title">
      <header className="page-header">
        <div>
          <h1 id="new-service-title">New Service</h1>
          <p className="page-subtitle">The service starts in draft status with version 1 automatically created.</p>
        </div>
      </header>
      <form className="form card" onSubmit={submit} noValidate aria-describedby={formError ? 'create-form-error' : undefined}>
        <Field label="Name" required hint='A human-readable label, e.g. "Document Processor".' error={formState.errors.name?.message}>
          <input className="input" autoComplete="off" autoFocus {...name} />
        </Field>
        <Field
          label="Slug"
          required
          hint="URL-safe identifier: lowercase letters, digits and hyphens, e.g. document-processor. It cannot be changed after creation."
          error={formState.errors.slug?.message}
        >
          <input
            className="input mono"
            autoComplete="off"
            spellCheck={false}
            {...slug}
          />
        </Field>
        <ExecutionModeField register={register} error={formState.errors.execution_mode?.message} />
        {mode === 'invocation' && (
          <RingSelect
            rings={rings}
            required
            error={formState.errors.ring_id?.message}
            {...register('ring_id', { setValueAs: (v: string) => (v === '' ? undefined : v) })}
          />
        )}
        <Field label="Description" hint="Optional. What this service does." error={formState.errors.description?.message}>
          <textarea className="input" rows={3} {...register('description', { setValueAs: (v: string) => (v.trim() === '' ? undefined : v) })} />
        </Field>
        {mode === 'persistent' && <PersistentSettingsFields register={register} control={control} errors={formState.errors} />}

        {formError && (
          <div id="create-form-error" className="form-alert" role="alert">
            <p>{formError.message}</p>
            {formError.retryable && <p>What you typed is kept. Press Create to try again; the service will not be created twice.</p>}
          </div>
        )}
        <div className="form-actions">
          <Link to="/orgs/$orgId/workspaces/$workspaceId/services" params={scope} className="btn btn-secondary">
            Cancel
          </Link>
          <Button type="submit" variant="primary" pending={formState.isSubmitting}>
            Create
          </Button>
        </div>
      </form>
    </section>
  );
}
