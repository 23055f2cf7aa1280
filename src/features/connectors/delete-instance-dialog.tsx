import { toast } from 'sonner';
import type { ConnectorInstanceRead, ConnectorTypeRead } from '@/contract/connectors';
import type { Scope } from '@/contract/paths';
import { useDeleteInstance } from '@/data/connectors/delete-instance';
import { ConfirmAction } from '@/ui/confirm-dialog';

/** The platform refuses (409) while a service is bound to the instance; its message says which. */
export function DeleteInstanceDialog({
  scope,
  type,
  instance,
  onClose,
}: {
  scope: Scope;
  type: ConnectorTypeRead;
  instance: ConnectorInstanceRead;
  onClose: () => void;
}) {
  const remove = useDeleteInstance(scope, type.id);
  return (
    <ConfirmAction
      state={remove}
      run={() => remove.mutateAsync(instance.id)}
      onDone={() => toast.success(`${instance.name} deleted`)}
      onClose={onClose}
      title={`Delete ${instance.name}?`}
      actionLabel="Delete instance"
    >
      <p>
        The {type.name} instance <strong>{instance.name}</strong> and its stored secrets are deleted for good. A service still bound to it
        keeps it: unbind it first, or the platform refuses.
      </p>
    </ConfirmAction>
  );
}
