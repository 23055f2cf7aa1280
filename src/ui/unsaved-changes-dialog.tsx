import type { UnsavedChangesGuard } from '@/lib/use-unsaved-changes';
import { ConfirmDialog } from './confirm-dialog';

/** The console's question when a changed form is left: stay (the default), or discard the changes and go. */
export function UnsavedChangesDialog({ guard, what }: { guard: UnsavedChangesGuard; what: string }) {
  return (
    <ConfirmDialog
      open={guard.blocked}
      onOpenChange={(open) => !open && guard.stay()}
      title="Leave without saving?"
      actionLabel="Discard changes and leave"
      cancelLabel="Stay on this page"
      onConfirm={guard.proceed}
    >
      <p>{what} has changes that are not saved. If you leave now, they are lost.</p>
    </ConfirmDialog>
  );
}
