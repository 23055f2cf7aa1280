import { useNavigate } from '@tanstack/react-router';
import { useId } from 'react';
import { useTheme } from '@/app/theme';
import { useWhoami } from '@/data/auth/get-whoami';
import { useSignOut } from '@/data/auth/sign-out';

/**
 * The account panel uses the browser's own popover (light dismiss, Escape,
 * focus return, top layer) rather than a menu library: it holds one action,
 * and keeps a positioning engine off the first load.
 */
export function UserMenu() {
  const me = useWhoami();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const { theme, toggle } = useTheme();
  const panelId = useId();
  return (
    <div className="topbar-end">
      <button type="button" className="btn btn-ghost btn-sm" onClick={toggle} aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}>
        {theme === 'dark' ? '☀' : '☾'}
      </button>
      <button type="button" className="btn btn-ghost user-button" aria-label={`Account: ${me.email}`} popoverTarget={panelId}>
        <span className="avatar" aria-hidden="true">
          {me.name.slice(0, 1).toUpperCase()}
        </span>
        <span className="user-name">{me.name}</span>
        <span className="badge badge-neutral">{me.role}</span>
      </button>
      <div id={panelId} popover="auto" className="menu account-panel" role="dialog" aria-label="Account">
        <p className="menu-label">
          Signed in as <strong>{me.email}</strong>
          <br />
          Role: {me.role}
        </p>
        <div className="menu-separator" />
        <button
          type="button"
          className="menu-item"
          disabled={signOut.isPending}
          onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate({ to: '/login', search: { redirect: undefined } }) })}
        >
          Sign out
        </button>
      </div>
    </div>
  );
}
