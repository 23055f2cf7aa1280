import { toast } from 'sonner';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import type { ConnectorInstance, ConnectorType } from '@/contract/connectors';
import type { Scope } from '@/contract/paths';
import { useDeleteInstance } from '@/data/connectors/delete-instance';

/** The platform refuses (409) while a service is bound to the instance; its message says which. */
export function DeleteInstanceDialog({ scope, type, instance, onClose }: { scope: Scope; type: ConnectorType; instance: ConnectorInstance; onClose: () => void }) {
  const remove = useDeleteInstance(scope, type.id);
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => {
        if (!open) {
          remove.reset();
          onClose();
        }
      }}
      title={`Delete ${instance.name}?`}
      actionLabel="Delete instance"
      pending={remove.isPending}
      error={remove.error?.message}
      onConfirm={() =>
        remove.mutate(instance.id, {
          onSuccess: () => {
            toast.success(`${instance.name} deleted`);
            onClose();
          },
        })
      }
    >
      <p>
        The {type.name} instance <strong>{instance.name}</strong> and its stored secrets are deleted for good. A service still bound to it keeps it: unbind it
        first, or the platform refuses.
      </p>
    </ConfirmDialog>
  );
}
