import { useBlocker } from '@tanstack/react-router';
import { useRef } from 'react';

/** A form's guard against leaving it with changes not saved (see useUnsavedChanges). */
export type UnsavedChangesGuard = {
  /** A navigation is waiting for the user's answer. */
  blocked: boolean;
  /** Leave, losing the changes. */
  proceed: () => void;
  /** Stay on the form. */
  stay: () => void;
  /** The form is done (saved, or deleted with its subject): let the navigation that follows through. */
  release: () => void;
};

/**
 * While `dirty` (for a form, `useFormChanged`: changed against its defaults
 * as they stand, not react-hook-form's `isDirty`), leaving the page asks first: a navigation inside the console
 * waits for the user's answer (`blocked`, then `proceed` or `stay`; the
 * console's own dialog asks, UnsavedChangesDialog), and closing or reloading
 * the tab gets the browser's own question (`beforeunload`). A change of the
 * search alone (a filter, a toggle) is not leaving.
 */
export function useUnsavedChanges(dirty: boolean): UnsavedChangesGuard {
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const released = useRef(false);
  const guarding = () => dirtyRef.current && !released.current;
  const blocker = useBlocker({
    shouldBlockFn: ({ current, next }) => guarding() && current.pathname !== next.pathname,
    enableBeforeUnload: guarding,
    withResolver: true,
  });
  return {
    blocked: blocker.status === 'blocked',
    proceed: () => blocker.proceed?.(),
    stay: () => blocker.reset?.(),
    release: () => {
      released.current = true;
    },
  };
}
