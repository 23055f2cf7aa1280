import { useSyncExternalStore } from 'react';

/**
 * Whether the page has had its first input: a pointer, a key, a click (a screen reader's, too), a field
 * changed. What only ever follows one — toasts, the failure page, the account panel — loads then, not
 * with the services list's first load.
 */
let seen = false;
const listeners = new Set<() => void>();
const EVENTS = ['pointerdown', 'keydown', 'click', 'input', 'change'] as const;

function onInput() {
  for (const e of EVENTS) window.removeEventListener(e, onInput, { capture: true });
  seen = true;
  listeners.forEach((l) => l());
}

if (typeof window !== 'undefined') for (const e of EVENTS) window.addEventListener(e, onInput, { capture: true });

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const useFirstInput = (): boolean =>
  useSyncExternalStore(
    subscribe,
    () => seen,
    () => false,
  );
