import { Dialog as RadixDialog } from 'radix-ui';
import type { ReactNode } from 'react';
import { useReturnFocus } from './return-focus';

/**
 * A modal dialog: focus trapped, Escape closes, labelled by its title; focus
 * returns to what opened it. With `dismissible` false, Escape and a click
 * outside do nothing: only the dialog's own buttons close it (a secret shown
 * once, which must not be lost to a stray key).
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  wide = false,
  dismissible = true,
  returnFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  wide?: boolean;
  dismissible?: boolean;
  /** Whether focus goes back to what opened it as it closes (always, unless this says no: a dialog that navigates leaves focus to the new page). */
  returnFocus?: () => boolean;
}) {
  const returnFocusTo = useReturnFocus();
  const stay = dismissible ? undefined : (event: Event) => event.preventDefault();
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          className={wide ? 'dialog-content dialog-wide' : 'dialog-content'}
          onOpenAutoFocus={returnFocusTo.onOpenAutoFocus}
          onCloseAutoFocus={(event) => (returnFocus && !returnFocus() ? event.preventDefault() : returnFocusTo.onCloseAutoFocus(event))}
          onEscapeKeyDown={stay}
          onPointerDownOutside={stay}
          onInteractOutside={stay}
        >
          <RadixDialog.Title className="dialog-title">{title}</RadixDialog.Title>
          {description ? (
            <RadixDialog.Description className="dialog-description">{description}</RadixDialog.Description>
          ) : (
            <RadixDialog.Description className="visually-hidden">{title}</RadixDialog.Description>
          )}
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
