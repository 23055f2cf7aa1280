import { ApiKeyCreate, type ApiKeyCreatedRead } from '@/contract/api-keys';
import { useServerForm } from '@/lib/use-server-form';
import { Field } from '@/ui/field';
import { FormDialog } from '@/ui/form-dialog';

/** Name a new key; the key itself goes to `onCreated` (shown once by NewKeyDialog), never into the form. */
export function CreateApiKeyDialog({
  open,
  onOpenChange,
  create,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  create: (name: string, idempotencyKey: string) => Promise<ApiKeyCreatedRead>;
}) {
  const server = useServerForm({
    schema: ApiKeyCreate,
    fields: ['name'],
    defaultValues: { name: '' },
    send: (v, { idempotencyKey }) => create(v.name, idempotencyKey),
    onClose: () => onOpenChange(false),
  });
  const { register, formState } = server.form;
  return (
    <FormDialog
      form={server}
      open={open}
      title="New API key"
      description="The key acts as you, with your role. It is shown once, when it is made."
      submitLabel="Create key"
    >
      <Field label="Name" required hint="What uses it, e.g. CI pipeline or Nightly import." error={formState.errors.name?.message}>
        <input className="input" autoComplete="off" {...register('name')} />
      </Field>
    </FormDialog>
  );
}
