import { useNavigate } from '@tanstack/react-router';
import { Command } from 'cmdk';
import { useEffect, useRef, useState } from 'react';
import type { Scope } from '@/contract/paths';
import { useWhoami } from '@/data/auth/get-whoami';
import { useWorkspaces } from '@/data/organizations/get-workspaces';
import { useServices } from '@/data/services/get-services';
import { can } from '@/lib/permissions';
import { serviceOverview } from '@/lib/service-links';
import { Dialog } from '@/ui/dialog';
import { WORKSPACE_PAGES } from './sidebar';
import './go-to.css';

/** How many services the palette shows: the best matches, as the platform's search ranks them. */
export const GO_TO_SERVICES = 8;

/** What is typed, once typing pauses: the services are searched by the platform, one request per pause. */
function usePaused(text: string, ms = 200) {
  const [paused, setPaused] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setPaused(text), ms);
    return () => clearTimeout(timer);
  }, [text, ms]);
  return paused;
}

const matches = (label: string, text: string) => label.toLowerCase().includes(text.toLowerCase());

export function GoToPalette({ scope, open, onOpenChange }: { scope: Scope; open: boolean; onOpenChange: (open: boolean) => void }) {
  // Leaving for what was chosen, focus goes to the new page's heading (app/route-focus.ts), not back to the opener.
  const leaving = useRef(false);
  useEffect(() => {
    if (open) leaving.current = false;
  }, [open]);
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      returnFocus={() => !leaving.current}
      title="Go to"
      description="A service by its name, a page or a workspace."
    >
      {open && (
        <Palette
          scope={scope}
          leave={() => {
            leaving.current = true;
            onOpenChange(false);
          }}
        />
      )}
    </Dialog>
  );
}

function Palette({ scope, leave }: { scope: Scope; leave: () => void }) {
  const me = useWhoami();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const typed = text.trim();
  const search = usePaused(typed);
  const services = useServices(scope, {
    limit: GO_TO_SERVICES,
    offset: 0,
    sort: 'updated_at',
    order: 'desc',
    ...(search ? { search } : {}),
  });
  const workspaces = useWorkspaces(scope.orgId).filter((w) => w.id !== scope.workspaceId && matches(w.name, typed));
  const pages = WORKSPACE_PAGES.filter((p) => (!p.permission || can(me.role, p.permission)) && matches(p.label, typed));
  const newService = can(me.role, 'service:write') && matches('New Service', typed);
  // While typing, the last search's rows stay until the next answer replaces them (pageQueryOptions keeps them).
  const found = services.data?.items ?? [];
  const searching = search !== typed || services.isFetching;

  // The first row is the one Enter opens, whenever the rows change (the services arrive after the pages are drawn).
  const first = found[0]
    ? `service-${found[0].id}`
    : pages[0]
      ? `page-${pages[0].to}`
      : newService
        ? 'new-service'
        : workspaces[0]
          ? `workspace-${workspaces[0].id}`
          : '';
  const [selected, setSelected] = useState(first);
  useEffect(() => setSelected(first), [first]);

  const go = (navigateTo: () => Promise<void>) => {
    leave();
    void navigateTo();
  };

  return (
    <Command label="Go to" shouldFilter={false} loop className="go-to" value={selected} onValueChange={setSelected}>
      <Command.Input
        value={text}
        onValueChange={setText}
        placeholder="Search services, pages and workspaces"
        aria-label="Go to"
        className="input go-to-input"
        maxLength={200}
      />
      <Command.List className="go-to-list" label="Results">
        {searching && found.length === 0 && <Command.Loading label="Searching services">Searching services…</Command.Loading>}
        {services.isError ? (
          <Command.Group heading="Services">
            <p className="go-to-note" role="alert">
              The services could not be searched: {services.error.message}
            </p>
            <Command.Item value="retry-services" onSelect={() => void services.refetch()}>
              Search the services again
            </Command.Item>
          </Command.Group>
        ) : (
          found.length > 0 && (
            <Command.Group heading={typed ? 'Services' : 'Services, recently updated'}>
              {found.map((s) => (
                <Command.Item key={s.id} value={`service-${s.id}`} onSelect={() => go(() => navigate(serviceOverview(scope, s.id)))}>
                  <span className="go-to-name">{s.name}</span>
                  {s.slug && <span className="go-to-detail mono">{s.slug}</span>}
                </Command.Item>
              ))}
            </Command.Group>
          )
        )}
        {(pages.length > 0 || newService) && (
          <Command.Group heading="Pages">
            {pages.map((p) => (
              <Command.Item key={p.to} value={`page-${p.to}`} onSelect={() => go(() => navigate({ to: p.to, params: scope }))}>
                {p.label}
              </Command.Item>
            ))}
            {newService && (
              <Command.Item
                value="new-service"
                onSelect={() => go(() => navigate({ to: '/orgs/$orgId/workspaces/$workspaceId/services/new', params: scope }))}
              >
                New Service
              </Command.Item>
            )}
          </Command.Group>
        )}
        {workspaces.length > 0 && (
          <Command.Group heading="Workspaces">
            {workspaces.map((w) => (
              <Command.Item
                key={w.id}
                value={`workspace-${w.id}`}
                onSelect={() =>
                  go(() =>
                    navigate({ to: '/orgs/$orgId/workspaces/$workspaceId/services', params: { orgId: scope.orgId, workspaceId: w.id } }),
                  )
                }
              >
                <span className="go-to-name">{w.name}</span>
                <span className="go-to-detail">workspace</span>
              </Command.Item>
            ))}
          </Command.Group>
        )}
        {!searching && !services.isError && <Command.Empty>Nothing matches “{typed}”.</Command.Empty>}
      </Command.List>
    </Command>
  );
}
