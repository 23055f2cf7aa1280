import { toast } from 'sonner';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import type { Scope } from '@/contract/paths';
import type { Ring } from '@/contract/rings';
import { useDeleteRing } from '@/data/rings/delete-ring';

/** Deleting a ring; the platform refuses (409, naming the services) when services still use it. */
export function DeleteRingDialog({ scope, ring, onClose }: { scope: Scope; ring: Ring; onClose: () => void }) {
  const remove = useDeleteRing(scope);
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => {
        if (!open) {
          remove.reset();
          onClose();
        }
      }}
      title={`Delete ring ${ring.name}?`}
      actionLabel="Delete ring"
      pending={remove.isPending}
      error={remove.error?.message}
      onConfirm={() =>
        remove.mutate(ring.id, {
          onSuccess: () => {
            toast.success(`Ring ${ring.name} deleted`);
            onClose();
          },
        })
      }
    >
      <p>
        The ring <strong className="mono">{ring.name}</strong> is removed from the promotion path; the rings after it move up one place. No service uses it, so
        nothing else changes.
      </p>
    </ConfirmDialog>
  );
}
