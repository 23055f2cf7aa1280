import { AlertDialog } from 'radix-ui';
import { useId, useState, type ReactNode } from 'react';
import { Button } from './button';
import { useReturnFocus } from './return-focus';

/**
 * Asks before a consequential action. With `confirmText`, the user types it
 * (e.g. the service's slug) before the action is enabled.
 */
type ConfirmDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode;
  actionLabel: string;
  onConfirm: () => void;
  pending?: boolean;
  error?: string | null;
  confirmText?: string;
  tone?: 'danger' | 'primary';
  /** The way out that changes nothing (default "Cancel"). */
  cancelLabel?: string;
};

export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  children,
  actionLabel,
  onConfirm,
  pending,
  error,
  confirmText,
  tone = 'danger',
  cancelLabel = 'Cancel',
}: ConfirmDialogProps) {
  const [typed, setTyped] = useState('');
  const inputId = useId();
  const matches = !confirmText || typed === confirmText;
  const returnFocus = useReturnFocus();
  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        if (!next) setTyped('');
        onOpenChange(next);
      }}
    >
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog-content" {...returnFocus}>
          <AlertDialog.Title className="dialog-title">{title}</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="dialog-description">{children}</div>
          </AlertDialog.Description>
          {confirmText && (
            <div className="field">
              <label htmlFor={inputId} className="field-label">
                Type <strong className="mono">{confirmText}</strong> to confirm
              </label>
              <input id={inputId} className="input" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
            </div>
          )}
          {error && (
            <p className="form-alert" role="alert">
              {error}
            </p>
          )}
          <div className="dialog-actions">
            <AlertDialog.Cancel asChild>
              <Button>{cancelLabel}</Button>
            </AlertDialog.Cancel>
            <Button variant={tone} disabled={!matches} pending={pending} onClick={onConfirm}>
              {actionLabel}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

/** What a confirmation shows of the request it runs (a TanStack mutation fits): running, refused, and a reset. */
export type ActionState = { isPending: boolean; error: Error | null; reset: () => void };

/**
 * A confirmation of one request to the platform: pending while it runs, its
 * refusal shown in place; once it succeeds the dialog closes and `onDone`
 * says what happened. Closing it otherwise forgets the refusal.
 */
export function ConfirmAction({
  open = true,
  state,
  run,
  onDone,
  onClose,
  ...dialog
}: Omit<ConfirmDialogProps, 'open' | 'onOpenChange' | 'onConfirm' | 'pending' | 'error'> & {
  open?: boolean;
  state: ActionState;
  run: () => Promise<unknown>;
  onDone: () => void;
  onClose: () => void;
}) {
  return (
    <ConfirmDialog
      {...dialog}
      open={open}
      pending={state.isPending}
      error={state.error?.message}
      onOpenChange={(next) => {
        if (next) return;
        state.reset();
        onClose();
      }}
      onConfirm={() =>
        run().then(
          () => {
            onClose();
            onDone();
          },
          () => {
            // The refusal is shown from state.error.
          },
        )
      }
    />
  );
}

/**
 * A consequential action set apart at the end of a page: what it does, its
 * button, and its confirmation (a ConfirmAction, whose title and body are given).
 */
export function DangerZone({
  id,
  heading,
  description,
  buttonLabel,
  ...confirm
}: Omit<Parameters<typeof ConfirmAction>[0], 'open' | 'onClose' | 'actionLabel'> & {
  id: string;
  heading: string;
  description: ReactNode;
  buttonLabel: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <section className="card danger-zone" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {description}
      <Button variant="danger" onClick={() => setOpen(true)}>
        {buttonLabel}
      </Button>
      <ConfirmAction {...confirm} open={open} onClose={() => setOpen(false)} actionLabel={buttonLabel} />
    </section>
  );
}
