import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { Dialog, DialogFormFooter } from '@/ui/dialog';
import { Field } from '@/ui/field';
import { InstanceCreate, type ConnectorField, type ConnectorInstance, type ConnectorType } from '@/contract/connectors';
import type { Scope } from '@/contract/paths';
import { applyServerErrors } from '@/lib/form-errors';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useSaveInstance } from '@/data/connectors/save-instance';
import { formConfigIssues, initialConfigValues, toConfig, type ConfigValues } from './config-form';

type FormValues = { name: string; description: string; config: ConfigValues };

/** The form is generated from the type's fields and checked, as typed, by the platform's own configIssues(). */
function formSchema(type: ConnectorType, instance: ConnectorInstance | null) {
  return z
    .object({
      name: InstanceCreate.shape.name,
      description: z.string().max(500, { error: 'Description must be at most 500 characters' }),
      config: z.record(z.string(), z.union([z.string(), z.boolean()])),
    })
    .superRefine((v, ctx) => {
      const config = toConfig(type.fields, v.config, instance !== null);
      for (const issue of formConfigIssues(type.fields, config, instance?.secrets_set ?? [])) {
        ctx.addIssue({ code: 'custom', path: ['config', issue.field], message: issue.message });
      }
    });
}

export function InstanceDialog({
  scope,
  type,
  instance,
  open,
  onOpenChange,
}: {
  scope: Scope;
  type: ConnectorType;
  instance: ConnectorInstance | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const save = useSaveInstance(scope, type.id);
  const idempotency = useIdempotencyKey();
  const [formError, setFormError] = useState<string | null>(null);
  const resolver = useMemo(() => zodResolver(formSchema(type, instance)), [type, instance]);
  const { register, handleSubmit, formState, setError, reset } = useForm<FormValues>({
    resolver,
    mode: 'onChange',
    values: { name: instance?.name ?? '', description: instance?.description ?? '', config: initialConfigValues(type.fields, instance) },
  });
  const fieldNames = ['name', 'description', ...type.fields.map((f) => `config.${f.name}`)];

  const close = (next: boolean) => {
    if (!next) {
      setFormError(null);
      reset();
    }
    onOpenChange(next);
  };

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const input = { name: v.name.trim(), description: v.description.trim() || null, config: toConfig(type.fields, v.config, instance !== null) };
    try {
      const saved = await save.mutateAsync({ instanceId: instance?.id ?? null, input, idempotencyKey: idempotency.keyFor(input) });
      idempotency.reset();
      toast.success(instance ? `${saved.name} saved` : `${type.name} instance ${saved.name} created`);
      close(false);
    } catch (error) {
      setFormError(applyServerErrors(error, setError, fieldNames));
    }
  });

  const configError = (name: string) => {
    const errors = formState.errors.config as Record<string, { message?: string } | undefined> | undefined;
    return errors?.[name]?.message;
  };

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title={instance ? `Edit ${instance.name}` : `New ${type.name} instance`}
      description={instance ? 'Secrets are never shown; leave a secret empty to keep it.' : type.description}
      wide
    >
      <form className="form" onSubmit={submit} noValidate>
        <div className="grid-2">
          <Field label="Name" required error={formState.errors.name?.message}>
            <input className="input" autoComplete="off" {...register('name')} />
          </Field>
          <Field label="Description" error={formState.errors.description?.message}>
            <input className="input" autoComplete="off" {...register('description')} />
          </Field>
        </div>
        <fieldset className="fieldset">
          <legend>{type.name} configuration</legend>
          <div className="config-grid">
            {type.fields.map((f) => (
              <ConfigInput key={f.name} field={f} error={configError(f.name)} secretSet={!!instance?.secrets_set.includes(f.name)} editing={instance !== null} register={register} />
            ))}
          </div>
        </fieldset>
        <DialogFormFooter error={formError} onCancel={() => close(false)} submitLabel={instance ? 'Save instance' : 'Create instance'} pending={formState.isSubmitting} />
      </form>
    </Dialog>
  );
}

function ConfigInput({
  field,
  error,
  secretSet,
  editing,
  register,
}: {
  field: ConnectorField;
  error: string | undefined;
  secretSet: boolean;
  editing: boolean;
  register: ReturnType<typeof useForm<FormValues>>['register'];
}) {
  const name = `config.${field.name}` as const;
  if (field.type === 'boolean') {
    return (
      <div className={`field field-check${error ? ' field-invalid' : ''}`}>
        <label className="check">
          <input type="checkbox" aria-invalid={error ? true : undefined} {...register(name)} />
          {field.label}
        </label>
        {field.description && <p className="field-hint">{field.description}</p>}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  }
  const secretHint = field.secret ? (editing ? (secretSet ? 'Set — leave empty to keep.' : 'Not set.') : 'Write-only: it is never shown again.') : null;
  const hint = [field.description, secretHint].filter(Boolean).join(' ') || undefined;
  return (
    <Field label={field.label} required={field.required && !(field.secret && secretSet)} hint={hint} error={error}>
      <input
        className={field.secret || field.type === 'integer' ? 'input mono' : 'input'}
        type={field.secret ? 'password' : field.type === 'integer' ? 'number' : 'text'}
        inputMode={field.type === 'integer' ? 'numeric' : undefined}
        step={field.type === 'integer' ? 1 : undefined}
        autoComplete={field.secret ? 'new-password' : 'off'}
        spellCheck={false}
        placeholder={field.secret && secretSet ? '••••••••' : undefined}
        {...register(name)}
      />
    </Field>
  );
}
