import { useState, type BaseSyntheticEvent, type ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useFormChanged } from '@/lib/use-form-changed';
import { useUnsavedChanges } from '@/lib/use-unsaved-changes';
import { Button } from './button';
import { ConfirmDialog } from './confirm-dialog';
import { Dialog } from './dialog';
import { FormFooter, type FormOutcome } from './form-footer';
import { UnsavedChangesDialog } from './unsaved-changes-dialog';

/**
 * A server form in a modal dialog: its fields, then its failure, Cancel and
 * the submit button. With `guardChanges`, closing it (Cancel, Escape, the
 * overlay) while the user has changed the form (`useFormChanged`) asks before
 * discarding the changes, and so does leaving the page while it is open.
 */
export function FormDialog<T extends FieldValues, C, O>({
  form,
  open,
  title,
  description,
  wide,
  submitLabel,
  submitDisabled,
  submitVariant,
  guardChanges = false,
  children,
}: {
  /** A server form made with `onClose`: Cancel, Escape and the overlay close it, resetting its values, failure and key. */
  form: FormOutcome & {
    form: UseFormReturn<T, C, O>;
    onSubmit: (event?: BaseSyntheticEvent) => Promise<void>;
    pending: boolean;
    close: () => void;
  };
  open: boolean;
  title: string;
  description?: ReactNode;
  wide?: boolean;
  submitLabel: string;
  submitDisabled?: boolean;
  submitVariant?: 'primary' | 'danger';
  guardChanges?: boolean;
  children: ReactNode;
}) {
  const dirty = useFormChanged(form.form) && guardChanges;
  const [discarding, setDiscarding] = useState(false);
  const guard = useUnsavedChanges(open && dirty && !form.pending);
  const close = () => (dirty ? setDiscarding(true) : form.close());
  return (
    <>
      <Dialog open={open} onOpenChange={(next) => !next && close()} title={title} description={description} wide={wide}>
        <form className="form" onSubmit={form.onSubmit} noValidate>
          {children}
          <FormFooter
            form={form}
            actions="dialog-actions"
            submit={{ label: submitLabel, disabled: submitDisabled, variant: submitVariant }}
          >
            <Button onClick={close}>Cancel</Button>
          </FormFooter>
        </form>
      </Dialog>
      <ConfirmDialog
        open={discarding}
        onOpenChange={(next) => !next && setDiscarding(false)}
        title="Discard your changes?"
        actionLabel="Discard changes"
        cancelLabel="Keep editing"
        onConfirm={() => {
          setDiscarding(false);
          form.close();
        }}
      >
        <p>{title}: what you changed is not saved. If you close it now, the changes are lost.</p>
      </ConfirmDialog>
      <UnsavedChangesDialog guard={guard} what={title} />
    </>
  );
}
