import { AlertDialog } from 'radix-ui';
import { useId, useState, type ReactNode } from 'react';
import { Button } from './button';

/**
 * Asks before a consequential action. With `confirmText`, the user types it
 * (e.g. the service's slug) before the action is enabled.
 */
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
}: {
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
}) {
  const [typed, setTyped] = useState('');
  const inputId = useId();
  const matches = !confirmText || typed === confirmText;
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
        <AlertDialog.Content className="dialog-content">
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
              <Button>Cancel</Button>
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
