import { useNavigate } from '@tanstack/react-router';
import { useId } from 'react';
import { useTheme } from '@/app/theme';
import { useWhoami, type Me } from '@/data/auth/get-whoami';
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
        <p className="menu-label">
          Signed in as <strong>{me.email}</strong>
          <br />
          Role: {me.role_unrecognized ?? (me.role_missing ? 'not given by the platform' : me.role)}
        </p>
        {(me.role_missing || me.role_unrecognized) && (
          <p className="menu-label account-role-notice" role="note">
            {me.role_unrecognized
              ? `The platform gives your role as “${me.role_unrecognized}”, which this console does not know.`
              : 'The platform did not say what your role is.'}{' '}
            The console treats you as a {me.role}, the least privileged role: what you can change is not offered here, and the platform
            still decides.
          </p>
        )}
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

function roleTitle(me: Me): string | undefined {
  if (me.role_unrecognized) return `Not a role this console knows: treated as ${me.role}`;
  if (me.role_missing) return `The platform gave no role: treated as ${me.role}`;
  return undefined;
}
