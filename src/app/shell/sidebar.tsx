import { Link } from '@tanstack/react-router';
import { useEffect, useRef, type ReactNode } from 'react';
import type { Scope } from '@/contract/paths';
import { useWhoami } from '@/data/auth/get-whoami';
import { can, type Permission } from '@/lib/permissions';

type WorkspacePage =
  | '/orgs/$orgId/workspaces/$workspaceId/services'
  | '/orgs/$orgId/workspaces/$workspaceId/agents'
  | '/orgs/$orgId/workspaces/$workspaceId/connectors'
  | '/orgs/$orgId/workspaces/$workspaceId/rings'
  | '/orgs/$orgId/workspaces/$workspaceId/users'
  | '/orgs/$orgId/workspaces/$workspaceId/credentials'
  | '/orgs/$orgId/workspaces/$workspaceId/api-keys'
  | '/orgs/$orgId/workspaces/$workspaceId/organization';

type NavItem = { to: WorkspacePage; label: string; permission?: Permission; icon: ReactNode };

/** What everyone works with. */
const MAIN: NavItem[] = [
  {
    to: '/orgs/$orgId/workspaces/$workspaceId/services',
    label: 'Hosted Services',
    icon: (
      <>
        <rect x="3" y="3" width="14" height="5" rx="1.5" />
        <rect x="3" y="12" width="14" height="5" rx="1.5" />
      </>
    ),
  },
  {
    to: '/orgs/$orgId/workspaces/$workspaceId/agents',
    label: 'Agent services',
    icon: (
      <>
        <rect x="4" y="6" width="12" height="10" rx="2.5" />
        <path d="M10 6V3M8 11h.01M12 11h.01" />
      </>
    ),
  },
  {
    to: '/orgs/$orgId/workspaces/$workspaceId/connectors',
    label: 'Connectors',
    icon: (
      <>
        <ellipse cx="10" cy="5" rx="6" ry="2.5" />
        <path d="M4 5v10c0 1.4 2.7 2.5 6 2.5s6-1.1 6-2.5V5M4 10c0 1.4 2.7 2.5 6 2.5s6-1.1 6-2.5" />
      </>
    ),
  },
];

/**
 * What only admins manage (others read what they may), grouped as the
 * platform's guide words it: seed 000 sends people to "Admin > Deployments >
 * Rings" for a ring's ID. Credentials and API keys only for those who manage them.
 */
const ADMIN: { group: string | null; items: NavItem[] }[] = [
  {
    group: 'Deployments',
    items: [
      {
        to: '/orgs/$orgId/workspaces/$workspaceId/rings',
        label: 'Rings',
        icon: (
          <>
            <circle cx="10" cy="10" r="7" />
            <circle cx="10" cy="10" r="3.5" />
          </>
        ),
      },
    ],
  },
  {
    group: null,
    items: [
      {
        to: '/orgs/$orgId/workspaces/$workspaceId/users',
        label: 'Users',
        icon: (
          <>
            <circle cx="7.5" cy="7" r="3" />
            <path d="M2.5 17c0-3 2.2-5 5-5s5 2 5 5M13 4.5a3 3 0 0 1 0 5.5M14.5 12.3c1.8.6 3 2.3 3 4.7" />
          </>
        ),
      },
      {
        to: '/orgs/$orgId/workspaces/$workspaceId/credentials',
        label: 'Credentials',
        permission: 'org-credentials:write',
        icon: (
          <>
            <circle cx="7" cy="10" r="3.5" />
            <path d="M10.5 10H17M14.5 10v3M17 10v2.5" />
          </>
        ),
      },
      {
        to: '/orgs/$orgId/workspaces/$workspaceId/api-keys',
        label: 'API keys',
        permission: 'api-keys:manage',
        icon: (
          <>
            <rect x="3" y="6" width="14" height="8" rx="2" />
            <path d="M6.5 10h.01M10 10h.01M13.5 10h.01" />
          </>
        ),
      },
      {
        to: '/orgs/$orgId/workspaces/$workspaceId/organization',
        label: 'Organization',
        icon: (
          <>
            <path d="M4 17V4.5h7V17M11 8h5v9M2.5 17h15" />
            <path d="M6.5 7.5h2M6.5 10.5h2M6.5 13.5h2M13 11h1M13 14h1" />
          </>
        ),
      },
    ],
  },
];

export const SIDEBAR_ID = 'sidebar';

/** The workspace's pages the sidebar lists, in its order, for the "Go to" palette. */
export const WORKSPACE_PAGES: readonly Omit<NavItem, 'icon'>[] = [...MAIN, ...ADMIN.flatMap((g) => g.items)];

/**
 * The brand and the workspace's pages. On a wide screen it is always there; on
 * a narrow one it is a disclosure the header's Menu button opens: focus moves
 * to the first link, Escape or leaving it closes it (Escape returns focus to
 * the button), and following a link closes it.
 */
export function Sidebar({
  scope,
  open,
  onClose,
  menuButton,
}: {
  scope?: Scope;
  open: boolean;
  onClose: (returnFocus: boolean) => void;
  menuButton: React.RefObject<HTMLButtonElement | null>;
}) {
  const me = useWhoami();
  const visible = (items: NavItem[]) => items.filter((item) => !item.permission || can(me.role, item.permission));
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    // Opened: focus on the current page's link (or the first), where a keyboard user continues from.
    if (open) ref.current?.querySelector<HTMLElement>('nav [aria-current="page"], nav a[href]')?.focus();
  }, [open]);
  return (
    <>
      <aside
        id={SIDEBAR_ID}
        ref={ref}
        className="sidebar"
        data-open={open}
        aria-label="Sidebar"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.stopPropagation();
            onClose(true);
          }
        }}
        onBlur={(e) => {
          const next = e.relatedTarget as Node | null;
          if (open && next && !e.currentTarget.contains(next) && !menuButton.current?.contains(next)) onClose(false);
        }}
        onClick={(e) => {
          if (open && (e.target as HTMLElement).closest('a')) onClose(false);
        }}
      >
        <div className="sidebar-inner">
          <Link to="/" className="brand">
            <img src="/favicon.svg" alt="" width={24} height={24} />
            <span>Hosted Services</span>
          </Link>
          <nav aria-label="Main">
            <ul className="nav-list">
              {scope ? (
                visible(MAIN).map((item) => <NavLink key={item.to} item={item} scope={scope} />)
              ) : (
                <li>
                  <Link to="/" className="nav-link">
                    <svg viewBox="0 0 20 20" aria-hidden="true" className="nav-icon">
                      {MAIN[0]!.icon}
                    </svg>
                    Hosted Services
                  </Link>
                </li>
              )}
            </ul>
            {scope && (
              <>
                <p className="nav-heading" id={`${SIDEBAR_ID}-admin`}>
                  Admin
                </p>
                <ul className="nav-list" aria-labelledby={`${SIDEBAR_ID}-admin`}>
                  {ADMIN.map(({ group, items }) =>
                    group ? (
                      <li key={group}>
                        <span className="nav-subheading" id={`${SIDEBAR_ID}-${group.toLowerCase()}`}>
                          {group}
                        </span>
                        <ul className="nav-list nav-sublist" aria-labelledby={`${SIDEBAR_ID}-${group.toLowerCase()}`}>
                          {visible(items).map((item) => (
                            <NavLink key={item.to} item={item} scope={scope} />
                          ))}
                        </ul>
                      </li>
                    ) : (
                      visible(items).map((item) => <NavLink key={item.to} item={item} scope={scope} />)
                    ),
                  )}
                </ul>
              </>
            )}
          </nav>
        </div>
      </aside>
      {open && <div className="sidebar-scrim" aria-hidden="true" onClick={() => onClose(false)} />}
    </>
  );
}

function NavLink({ item, scope }: { item: NavItem; scope: Scope }) {
  return (
    <li>
      <Link to={item.to} params={scope} className="nav-link" activeProps={{ 'aria-current': 'page' }}>
        <svg viewBox="0 0 20 20" aria-hidden="true" className="nav-icon">
          {item.icon}
        </svg>
        {item.label}
      </Link>
    </li>
  );
}
