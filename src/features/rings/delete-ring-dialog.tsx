import { toast } from 'sonner';
import type { Scope } from '@/contract/paths';
import type { RingRead } from '@/contract/rings';
import { useDeleteRing } from '@/data/rings/delete-ring';
import { ConfirmAction } from '@/ui/confirm-dialog';

/** Deleting a ring; the platform refuses (409, naming the services) when services still use it. */
export function DeleteRingDialog({ scope, ring, onClose }: { scope: Scope; ring: RingRead; onClose: () => void }) {
  const remove = useDeleteRing(scope);
  return (
    <ConfirmAction
      state={remove}
      run={() => remove.mutateAsync(ring.id)}
      onDone={() => toast.success(`Ring ${ring.name} deleted`)}
      onClose={onClose}
      title={`Delete ring ${ring.name}?`}
      actionLabel="Delete ring"
    >
      <p>
        The ring <strong className="mono">{ring.name}</strong> is removed from the promotion path; the rings after it move up one place. No
        service uses it, so nothing else changes.
      </p>
    </ConfirmAction>
  );
}
