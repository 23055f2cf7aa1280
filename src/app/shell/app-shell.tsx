import { Link, Outlet } from '@tanstack/react-router';
import { useScope } from '@/hooks/use-scope';
import { Breadcrumbs } from './breadcrumbs';
import { ScopeSwitcher } from './scope-switcher';
import { UserMenu } from './user-menu';

/** The frame of every signed-in page: sidebar, header, breadcrumbs. */
export function AppShell() {
  const scope = useScope();
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <aside className="sidebar">
        <Link to="/" className="brand">
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <span>Hosted Services</span>
        </Link>
        <nav aria-label="Main">
          <ul className="nav-list">
            <li>
              <Link to="/orgs/$orgId/workspaces/$workspaceId/services" params={scope} className="nav-link" activeProps={{ 'aria-current': 'page' }}>
                <svg viewBox="0 0 20 20" aria-hidden="true" className="nav-icon">
                  <rect x="3" y="3" width="14" height="5" rx="1.5" />
                  <rect x="3" y="12" width="14" height="5" rx="1.5" />
                </svg>
                Hosted Services
              </Link>
            </li>
          </ul>
        </nav>
      </aside>
      <div className="shell-main">
        <header className="topbar">
          <ScopeSwitcher />
          <UserMenu />
        </header>
        <main id="main" className="content" tabIndex={-1}>
          <Breadcrumbs />
          <Outlet />
        </main>
      </div>
    </div>
  );
}
