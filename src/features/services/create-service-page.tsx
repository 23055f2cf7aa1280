import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { toast } from 'sonner';
import {
  PERSISTENT_DEFAULTS,
  ServiceCreate,
  slugify,
  type ServiceCreate as ServiceCreateOutput,
  type ServiceCreateInput,
} from '@/contract/services';
import { useWhoami } from '@/data/auth/get-whoami';
import { useRings } from '@/data/rings/get-rings';
import { useCreateService } from '@/data/services/create-service';
import { roleReason } from '@/lib/permissions';
import type { WorkspaceProps } from '@/lib/route-props';
import { useServerForm } from '@/lib/use-server-form';
import { useFormChanged } from '@/lib/use-form-changed';
import { useUnsavedChanges } from '@/lib/use-unsaved-changes';
import { FormFooter } from '@/ui/form-footer';
import { NotAllowed } from '@/ui/not-allowed';
import { TextField } from '@/ui/text-field';
import { UnsavedChangesDialog } from '@/ui/unsaved-changes-dialog';
import { Page } from '@/ui/page';
import { ExecutionModeField } from './execution-mode-field';
import { PersistentSettingsFields } from './persistent-settings-fields';
import { NoRings } from './no-rings';
import { NO_RING } from './ring-label';
import { RingSelect } from './ring-select';
import { SERVICE_FORM_FIELDS } from './service-form-fields';

/** The payload the platform's guide shows for each mode: persistent settings only for persistent services. */
function toPayload(values: ServiceCreateOutput): ServiceCreateInput {
  const common = {
    name: values.name,
    slug: values.slug,
    execution_mode: values.execution_mode,
    description: values.description ?? undefined,
  };
  if (values.execution_mode === 'invocation') return { ...common, ring_id: values.ring_id };
  const { min_replicas, max_replicas, concurrency_per_replica, scale_threshold, startup_timeout_seconds, base_image, system_packages } =
    values;
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

/** New Service; a role that may not create services gets why, and a way back, instead of a form it cannot send. */
export function CreateServicePage({ scope }: WorkspaceProps) {
  const me = useWhoami();
  const refused = roleReason(me.role, 'service:write');
  if (refused) {
    return (
      <Page id="new-service-title" narrow title="New Service">
        <NotAllowed
          title="You can’t create services"
          reason={refused}
          action={
            <Link to="/orgs/$orgId/workspaces/$workspaceId/services" params={scope} className="btn btn-secondary">
              Back to Hosted Services
            </Link>
          }
        />
      </Page>
    );
  }
  return <CreateServiceForm scope={scope} />;
}

function CreateServiceForm({ scope }: WorkspaceProps) {
  const navigate = useNavigate();
  const rings = useRings(scope);
  const create = useCreateService(scope);
  const [slugEdited, setSlugEdited] = useState(false);
  // A ring created here: the Ring field takes focus once it lists it (the button pressed is gone with the notice).
  const [focusRing, setFocusRing] = useState(false);

  const server = useServerForm({
    schema: ServiceCreate,
    fields: SERVICE_FORM_FIELDS,
    shouldUnregister: true,
    defaultValues: {
      name: '',
      slug: '',
      execution_mode: 'invocation',
      description: undefined,
      ...PERSISTENT_DEFAULTS,
      system_packages: [],
    },
    // A retry of the same submission reuses its key, so the platform creates the service once.
    send: (values, { idempotencyKey }) => create.mutateAsync({ input: toPayload(values), idempotencyKey }),
    onSuccess: async (service) => {
      toast.success(`Service ${service.name} created`, { description: `Version 1 is a draft, ready for endpoints.` });
      guard.release();
      await navigate({ to: '/orgs/$orgId/workspaces/$workspaceId/services/$serviceId', params: { ...scope, serviceId: service.id } });
    },
  });
  const { form } = server;
  const { register, formState, setValue, watch } = form;
  const mode = watch('execution_mode');
  // Leaving a half-filled form asks first; the navigation to the created service does not.
  const guard = useUnsavedChanges(useFormChanged(form) && !server.pending);
  const ringCount = rings.data?.items.length ?? 0;
  useEffect(() => {
    if (!focusRing || ringCount === 0) return;
    setFocusRing(false);
    form.setFocus('ring_id');
  }, [focusRing, ringCount, form]);

  // The slug follows the name until the user edits it.
  const onNameChange = (e: React.ChangeEvent<HTMLInputElement>) => {
    if (!slugEdited) setValue('slug', slugify(e.target.value), { shouldValidate: formState.isSubmitted });
  };
  const onSlugChange = () => {
    setSlugEdited(true);
    // Checked as typed, not only on blur.
    void form.trigger('slug');
  };

  return (
    <Page
      id="new-service-title"
      narrow
      title="New Service"
      subtitle="The service starts in draft status with version 1 automatically created."
    >
      <form className="form card" onSubmit={server.onSubmit} noValidate aria-describedby={server.failure ? 'create-form-error' : undefined}>
        <TextField
          form={form}
          name="name"
          label="Name"
          required
          autoFocus
          hint='A human-readable label, e.g. "Document Processor".'
          options={{ onChange: onNameChange }}
        />
        <TextField
          form={form}
          name="slug"
          label="Slug"
          required
          code
          hint="URL-safe identifier: lowercase letters, digits and hyphens, e.g. document-processor. It cannot be changed after creation."
          options={{ onChange: onSlugChange }}
        />
        <ExecutionModeField register={register} error={formState.errors.execution_mode?.message} />
        {mode === 'invocation' ? (
          <>
            <RingSelect
              rings={rings}
              required
              error={formState.errors.ring_id?.message}
              {...register('ring_id', { setValueAs: (v: string) => (v === '' ? undefined : v) })}
            />
            {rings.data?.items.length === 0 && (
              <NoRings
                scope={scope}
                onCreated={(ring) => {
                  setValue('ring_id', ring.id, { shouldDirty: true, shouldValidate: formState.isSubmitted });
                  setFocusRing(true);
                }}
                onPersistent={() => setValue('execution_mode', 'persistent', { shouldDirty: true })}
              />
            )}
          </>
        ) : (
          // Optional for persistent services; created without one, as the guide's example, and chosen later in Settings if wanted.
          <div className="field">
            <span className="field-label">Ring</span>
            <p className="field-hint">{NO_RING}. A ring is optional: choose one later in Settings if you want one.</p>
          </div>
        )}
        <TextField
          form={form}
          name="description"
          label="Description"
          hint="Optional. What this service does."
          rows={3}
          options={{ setValueAs: (v: string) => (v.trim() === '' ? undefined : v) }}
        />
        {mode === 'persistent' && <PersistentSettingsFields form={form} />}

        <FormFooter
          form={server}
          id="create-form-error"
          retryHint="What you typed is kept, and the service will not be created twice."
          submit={{ label: 'Create' }}
        >
          <Link to="/orgs/$orgId/workspaces/$workspaceId/services" params={scope} className="btn btn-secondary">
            Cancel
          </Link>
        </FormFooter>
      </form>
      <UnsavedChangesDialog guard={guard} what="The new service" />
    </Page>
  );
}
