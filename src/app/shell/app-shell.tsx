import { Outlet, useRouterState } from '@tanstack/react-router';
import { useRef, useState, type ReactNode } from 'react';
import type { Scope } from '@/contract/paths';
import { ThrottleNotice } from '../throttle-notice';
import { Breadcrumbs } from './breadcrumbs';
import { FrameContext } from './frame-context';
import { GoTo } from './go-to';
import { ScopeSwitcher } from './scope-switcher';
import { Sidebar, SIDEBAR_ID } from './sidebar';
import { UserMenu } from './user-menu';

/**
 * The frame of every signed-in page: sidebar, header, breadcrumbs, and the
 * page in `main`. Without a scope (a workspace that does not exist, a page
 * outside any workspace) it keeps the header and a way home, so a user can
 * always sign out or go elsewhere.
 */
export function AppShell({ scope, children }: { scope?: Scope; children?: ReactNode }) {
  const [navOpen, setNavOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  // Any navigation (a link, Back) closes the narrow screen's menu.
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const [openedAt, setOpenedAt] = useState(pathname);
  if (openedAt !== pathname) {
    setOpenedAt(pathname);
    if (navOpen) setNavOpen(false);
  }
  const closeNav = (returnFocus: boolean) => {
    setNavOpen(false);
    if (returnFocus) menuButton.current?.focus();
  };
  return (
    <FrameContext value={{ scope }}>
      <div className="shell">
        <a
          href="#main"
          className="skip-link"
          onClick={(e) => {
            // Focus, not a hash change: the router owns the URL.
            e.preventDefault();
            document.getElementById('main')?.focus();
          }}
        >
          Skip to content
        </a>
        <Sidebar scope={scope} open={navOpen} onClose={closeNav} menuButton={menuButton} />
        <div className="shell-main">
          <header className="topbar">
            <button
              ref={menuButton}
              type="button"
              className="btn btn-ghost icon-button menu-button"
              aria-expanded={navOpen}
              aria-controls={SIDEBAR_ID}
              onClick={() => setNavOpen((open) => !open)}
            >
              <svg viewBox="0 0 20 20" aria-hidden="true" className="nav-icon">
                <path d="M3 5h14M3 10h14M3 15h14" />
              </svg>
              <span className="visually-hidden">Menu</span>
            </button>
            {scope ? <ScopeSwitcher scope={scope} /> : <span className="topbar-spacer" />}
            {scope && <GoTo scope={scope} />}
            <UserMenu />
          </header>
          <main id="main" className="content" tabIndex={-1}>
            <Breadcrumbs />
            <ThrottleNotice />
            {children ?? <Outlet />}
          </main>
        </div>
      </div>
    </FrameContext>
  );
}
