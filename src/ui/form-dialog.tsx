import type { BaseSyntheticEvent, ReactNode } from 'react';
import { Button } from './button';
import { Dialog } from './dialog';
import { FormFooter, type FormOutcome } from './form-footer';

/** A server form in a modal dialog: its fields, then its failure, Cancel and the submit button. */
export function FormDialog({
  form,
  open,
  title,
  description,
  wide,
  submitLabel,
  submitDisabled,
  submitVariant,
  children,
}: {
  /** A server form made with `onClose`: Cancel, Escape and the overlay close it, resetting its values, failure and key. */
  form: FormOutcome & { onSubmit: (event?: BaseSyntheticEvent) => Promise<void>; pending: boolean; close: () => void };
  open: boolean;
  title: string;
  description?: ReactNode;
  wide?: boolean;
  submitLabel: string;
  submitDisabled?: boolean;
  submitVariant?: 'primary' | 'danger';
  children: ReactNode;
}) {
  return (
    <Dialog open={open} onOpenChange={(next) => !next && form.close()} title={title} description={description} wide={wide}>
      <form className="form" onSubmit={form.onSubmit} noValidate>
        {children}
        <FormFooter form={form} actions="dialog-actions" submit={{ label: submitLabel, disabled: submitDisabled, variant: submitVariant }}>
          <Button onClick={form.close}>Cancel</Button>
        </FormFooter>
      </form>
    </Dialog>
  );
}
