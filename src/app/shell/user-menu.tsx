import { lazy, Suspense, useId } from 'react';
import { useFirstInput } from '@/app/first-input';
import { useTheme } from '@/app/theme';
import { useWhoami, type Me } from '@/data/auth/get-whoami';

const AccountPanel = lazy(() => import('./account-panel').then((m) => ({ default: m.AccountPanel })));

/**
 * The account panel uses the browser's own popover (light dismiss, Escape,
 * focus return, top layer) rather than a menu library: it holds one action,
 * and keeps a positioning engine off the first load. Its contents (and
 * signing out) load at the page's first input, since only an input opens it.
 */
export function UserMenu() {
  const me = useWhoami();
  const firstInput = useFirstInput();
  const { theme, toggle } = useTheme();
  const panelId = useId();
  return (
    <div className="topbar-end">
      <button
        type="button"
        className="btn btn-ghost icon-button"
        onClick={toggle}
        aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
      >
        <svg viewBox="0 0 20 20" aria-hidden="true" className="nav-icon">
          {theme === 'dark' ? (
            <>
              <circle cx="10" cy="10" r="3.5" />
              <path d="M10 2v2M10 16v2M2 10h2M16 10h2M4.3 4.3l1.4 1.4M14.3 14.3l1.4 1.4M4.3 15.7l1.4-1.4M14.3 5.7l1.4-1.4" />
            </>
          ) : (
            <path d="M16 12.5A6.5 6.5 0 0 1 7.5 4a6.5 6.5 0 1 0 8.5 8.5z" />
          )}
        </svg>
      </button>
      <button type="button" className="btn btn-ghost user-button" aria-label={`Account: ${me.email}`} popoverTarget={panelId}>
        <span className="avatar" aria-hidden="true">
          {me.name.slice(0, 1).toUpperCase()}
        </span>
        <span className="user-name">{me.name}</span>
        {/* A role the platform named but this console does not know shows as it came; none, as such: both treated as viewer (see the panel). */}
        <span className="badge badge-neutral" title={roleTitle(me)}>
          {me.role_unrecognized ? `${me.role_unrecognized} (as ${me.role})` : me.role_missing ? `no role (as ${me.role})` : me.role}
        </span>
      </button>
      <div id={panelId} popover="auto" className="menu account-panel" role="dialog" aria-label="Account">
        {/* The panel opens only after an input, which is when its contents load (first-input.ts). */}
        {firstInput && (
          <Suspense fallback={<p className="menu-label">Loading…</p>}>
            <AccountPanel me={me} />
          </Suspense>
        )}
      </div>
    </div>
  );
}

function roleTitle(me: Me): string | undefined {
  if (me.role_unrecognized) return `Not a role this console knows: treated as ${me.role}`;
  if (me.role_missing) return `The platform gave no role: treated as ${me.role}`;
  return undefined;
}
