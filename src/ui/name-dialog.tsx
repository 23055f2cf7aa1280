import type { ReactNode } from 'react';
import { useServerForm, type ServerFormOptions } from '@/lib/use-server-form';
import { TextField } from './text-field';
import { FormDialog } from './form-dialog';

type Named = { name: string };

/**
 * Something new that the user only names (an API key, a workspace): one Name
 * field checked with the create's schema, one Idempotency-Key per submission,
 * the platform's refusal on the field. `send` makes it; `onSuccess` gets it.
 */
export function NameDialog<T>({
  schema,
  open,
  onOpenChange,
  title,
  description,
  hint,
  submitLabel,
  send,
  onSuccess,
}: {
  /** The create's contract schema (`{ name }`). */
  schema: ServerFormOptions<Named, Named, T>['schema'];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  hint: string;
  submitLabel: string;
  send: (name: string, idempotencyKey: string) => Promise<T>;
  onSuccess?: (created: T) => void;
}) {
  const server = useServerForm({
    schema,
    fields: ['name'],
    defaultValues: { name: '' },
    send: (v, { idempotencyKey }) => send(v.name, idempotencyKey),
    onSuccess: (created) => onSuccess?.(created),
    onClose: () => onOpenChange(false),
  });
  return (
    <FormDialog form={server} open={open} title={title} description={description} submitLabel={submitLabel}>
      <TextField form={server.form} name="name" label="Name" required hint={hint} />
    </FormDialog>
  );
}
