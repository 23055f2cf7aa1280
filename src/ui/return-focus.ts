import { useRef } from 'react';

/** Where focus goes when what opened a dialog is gone (a deleted row's button): the page's heading, else the main region. */
function fallback(): HTMLElement | null {
  return document.querySelector<HTMLElement>('#main h1') ?? document.getElementById('main');
}

/**
 * Focus back on what opened a dialog when it closes — by Escape, Cancel, or a
 * successful submit. Radix returns focus only to its own Trigger; our dialogs
 * are opened from page state (buttons, row actions, menus), so the opener is
 * noted when the dialog takes focus, and focused again when it gives it back.
 * If the opener has gone (its row was deleted) or cannot take focus (it is now
 * disabled), the page's heading does.
 */
export function useReturnFocus() {
  const opener = useRef<HTMLElement | null>(null);
  return {
    onOpenAutoFocus: () => {
      const active = document.activeElement;
      opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
    },
    onCloseAutoFocus: (event: Event) => {
      event.preventDefault();
      const target = opener.current;
      opener.current = null;
      // After the dialog's own render: a submit that closes it may also re-render (or remove) the opener.
      requestAnimationFrame(() => {
        if (target?.isConnected) target.focus();
        if (target?.isConnected && document.activeElement === target) return;
        const heading = fallback();
        if (!heading) return;
        if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
        heading.focus();
      });
    },
  };
}
