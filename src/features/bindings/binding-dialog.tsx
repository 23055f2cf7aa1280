import { Controller } from 'react-hook-form';
import { toast } from 'sonner';
import * as z from 'zod/mini';
import type { Scope } from '@/contract/paths';
import { BINDING_NAME, BindingRole, type HostedServiceRead } from '@/contract/services';
import type { BindableInstance } from '@/data/connectors/get-all-instances';
import { useUpdateService } from '@/data/services/update-service';
import { useServerForm } from '@/lib/use-server-form';
import { FormDialog } from '@/ui/form-dialog';
import { TextField } from '@/ui/text-field';
import { InstancePicker } from './instance-picker';
import { bindingsToWrite } from './bindings-write';

const ROLES = [
  { value: 'read_only', label: 'Read only', hint: 'The service can read, never change.' },
  { value: 'read_write', label: 'Read and write', hint: 'The service can read and change data.' },
] as const;

function bindingSchema(taken: string[]) {
  return z.object({
    name: z.string().check(
      z.trim(),
      z.minLength(1, { error: 'Name is required' }),
      z.maxLength(63, { error: 'Name must be at most 63 characters' }),
      z.regex(BINDING_NAME, { error: 'Start with a letter; use a-z, 0-9 and _' }),
      z.refine((n) => !taken.includes(n), { error: 'This service already has a binding with that name' }),
    ),
    connector_instance_id: z.string().check(z.minLength(1, { error: 'Choose a connector instance' })),
    role: BindingRole,
  });
}

/**
 * The service PUT answers for the whole map: an issue about this binding
 * (`connector_bindings.<name>[.field]`) lands on its field; any other is the form's.
 */
export function bindingField(serverField: string, bindingName: string): string | null {
  const prefix = `connector_bindings.${bindingName}`;
  if (serverField === prefix) return 'name';
  const sub = serverField.startsWith(`${prefix}.`) ? serverField.slice(prefix.length + 1) : null;
  return sub === 'connector_instance_id' || sub === 'role' ? sub : null;
}

/** Add a binding (editing null) or change one; the service's whole binding map is saved with its PUT. */
export function BindingDialog({
  scope,
  service,
  editing,
  instances,
  open,
  onOpenChange,
}: {
  scope: Scope;
  service: HostedServiceRead;
  editing: string | null;
  instances: BindableInstance[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const save = useUpdateService(scope, service.id);
  const current = editing ? service.connector_bindings[editing] : undefined;
  const taken = Object.keys(service.connector_bindings).filter((n) => n !== editing);
  const server = useServerForm({
    schema: bindingSchema(taken),
    fields: (serverField, v) => bindingField(serverField, v.name),
    mode: 'onChange',
    values: { name: editing ?? '', connector_instance_id: current?.connector_instance_id ?? '', role: current?.role ?? 'read_only' },
    send: (v) => {
      const next = { ...service.connector_bindings };
      if (editing) delete next[editing];
      next[v.name] = { connector_instance_id: v.connector_instance_id, role: v.role };
      return save.mutateAsync({ connector_bindings: bindingsToWrite(next) });
    },
    onSuccess: (_service, v) => {
      toast.success(editing ? `Binding ${v.name} saved` : `Binding ${v.name} added`);
    },
    onClose: () => onOpenChange(false),
  });
  const { register, formState, control } = server.form;

  return (
    <FormDialog
      form={server}
      open={open}
      title={editing ? `Edit binding ${editing}` : 'Add binding'}
      description="Endpoint code reaches a bound connector through its binding name in the execution context."
      wide
      submitLabel={editing ? 'Save binding' : 'Add binding'}
    >
      <TextField
        form={server.form}
        name="name"
        label="Binding name"
        required
        code
        hint="Start with a letter; a-z, 0-9 and _ — e.g. primary_db."
      />
      <Controller
        control={control}
        name="connector_instance_id"
        render={({ field, fieldState }) => (
          <InstancePicker instances={instances} value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
        )}
      />
      <fieldset className="fieldset-plain role-choice" aria-invalid={formState.errors.role ? true : undefined}>
        <legend className="field-label">Role</legend>
        <div className="radio-cards">
          {ROLES.map((r) => (
            <label key={r.value} className="radio-card">
              <input type="radio" value={r.value} {...register('role')} />
              <span>
                <strong className="mono">{r.value}</strong>
                <span className="muted">{r.hint}</span>
              </span>
            </label>
          ))}
        </div>
        {formState.errors.role && (
          <p className="field-error" role="alert">
            {formState.errors.role.message}
          </p>
        )}
      </fieldset>
    </FormDialog>
  );
}
