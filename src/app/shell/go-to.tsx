import { lazy, Suspense, useEffect, useState } from 'react';
import type { WorkspaceProps } from '@/lib/route-props';

// The palette, its search and cmdk load when it is first opened: the first page carries only this button.
const GoToPalette = lazy(() => import('./go-to-palette').then((m) => ({ default: m.GoToPalette })));

const onMac = () => /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * "Go to…": a service by name, a page of the workspace or another workspace,
 * from anywhere, with Ctrl K (⌘K on a Mac) or the header's button — as the
 * consoles our users come from have it.
 */
export function GoTo({ scope }: WorkspaceProps) {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey) {
        e.preventDefault();
        setOpened(true);
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button
        type="button"
        className="btn btn-ghost go-to-button"
        aria-keyshortcuts="Control+K Meta+K"
        aria-haspopup="dialog"
        onClick={() => {
          setOpened(true);
          setOpen(true);
        }}
      >
        <svg viewBox="0 0 20 20" aria-hidden="true" className="nav-icon">
          <circle cx="8.5" cy="8.5" r="5" />
          <path d="M12.2 12.2 17 17" />
        </svg>
        <span className="go-to-label">Go to…</span>
        <kbd className="go-to-keys" aria-hidden="true">
          {onMac() ? '⌘K' : 'Ctrl K'}
        </kbd>
      </button>
      {opened && (
        <Suspense fallback={null}>
          <GoToPalette scope={scope} open={open} onOpenChange={setOpen} />
        </Suspense>
      )}
    </>
  );
}
