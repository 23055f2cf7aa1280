import { useMemo } from 'react';
import type { UseFormRegister } from 'react-hook-form';
import { toast } from 'sonner';
import * as z from 'zod/mini';
import { InstanceCreate, type ConnectorFieldRead, type ConnectorInstanceRead, type ConnectorTypeRead } from '@/contract/connectors';
import type { Scope } from '@/contract/paths';
import { useSaveInstance } from '@/data/connectors/save-instance';
import { withRules } from '@/lib/form-schema';
import { useServerForm } from '@/lib/use-server-form';
import { Field } from '@/ui/field';
import { TextField } from '@/ui/text-field';
import { FormDialog } from '@/ui/form-dialog';
import { formConfigIssues, initialConfigValues, toConfig, type ConfigValues } from './config-form';

type FormValues = { name: string; description: string; config: ConfigValues };

/** The form is generated from the type's fields and checked, as typed, by the platform's own configIssues(). */
function instanceSchema(type: ConnectorTypeRead, instance: ConnectorInstanceRead | null) {
  const fields = z.object({
    name: InstanceCreate.shape.name,
    description: z.string().check(z.maxLength(500, { error: 'Description must be at most 500 characters' })),
    config: z.record(z.string(), z.union([z.string(), z.boolean()])),
  });
  return withRules(fields, (v) =>
    formConfigIssues(type.fields, toConfig(type.fields, v.config, instance !== null), instance?.secrets_set ?? []).map((issue) => ({
      path: `config.${issue.field}`,
      message: issue.message,
    })),
  );
}

export function InstanceDialog({
  scope,
  type,
  instance,
  open,
  onOpenChange,
}: {
  scope: Scope;
  type: ConnectorTypeRead;
  instance: ConnectorInstanceRead | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const save = useSaveInstance(scope, type.id);
  const schema = useMemo(() => instanceSchema(type, instance), [type, instance]);
  const server = useServerForm({
    schema,
    fields: ['name', 'description', ...type.fields.map((f) => `config.${f.name}`)],
    mode: 'onChange',
    values: { name: instance?.name ?? '', description: instance?.description ?? '', config: initialConfigValues(type.fields, instance) },
    send: (v, { idempotencyKey }) =>
      save.mutateAsync({
        instanceId: instance?.id ?? null,
        input: {
          name: v.name.trim(),
          description: v.description.trim() || null,
          config: toConfig(type.fields, v.config, instance !== null),
        },
        idempotencyKey,
      }),
    onSuccess: (saved) => {
      toast.success(instance ? `${saved.name} saved` : `${type.name} instance ${saved.name} created`);
    },
    onClose: () => onOpenChange(false),
  });
  const { register, formState } = server.form;

  const configError = (name: string) => {
    const errors = formState.errors.config as Record<string, { message?: string } | undefined> | undefined;
    return errors?.[name]?.message;
  };

  return (
    <FormDialog
      form={server}
      open={open}
      title={instance ? `Edit ${instance.name}` : `New ${type.name} instance`}
      description={instance ? 'Secrets are never shown; leave a secret empty to keep it.' : type.description}
      wide
      submitLabel={instance ? 'Save instance' : 'Create instance'}
    >
      <div className="grid-2">
        <TextField form={server.form} name="name" label="Name" required />
        <TextField form={server.form} name="description" label="Description" />
      </div>
      <fieldset className="fieldset">
        <legend>{type.name} configuration</legend>
        <div className="config-grid">
          {type.fields.map((f) => (
            <ConfigInput
              key={f.name}
              field={f}
              error={configError(f.name)}
              secretSet={!!instance?.secrets_set?.includes(f.name)}
              editing={instance !== null}
              register={register}
            />
          ))}
        </div>
      </fieldset>
    </FormDialog>
  );
}

function ConfigInput({
  field,
  error,
  secretSet,
  editing,
  register,
}: {
  field: ConnectorFieldRead;
  error: string | undefined;
  secretSet: boolean;
  editing: boolean;
  register: UseFormRegister<FormValues>;
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
  const secretHint = field.secret
    ? editing
      ? secretSet
        ? 'Set — leave empty to keep.'
        : 'Not set.'
      : 'Write-only: it is never shown again.'
    : null;
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
