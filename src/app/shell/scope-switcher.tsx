import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { lazy, Suspense, useId, useState } from 'react';
import { useWhoami } from '@/data/auth/get-whoami';
import { useOrganizations } from '@/data/organizations/get-organizations';
import { useWorkspaces, workspacesQueryOptions } from '@/data/organizations/get-workspaces';
import { can } from '@/lib/permissions';
import type { WorkspaceProps } from '@/lib/route-props';

// Loaded when asked for: the form layer stays off the first page.
const WorkspaceDialog = lazy(() =>
  import('@/features/organizations/new-workspace-dialog').then((m) => ({ default: m.SwitcherWorkspaceDialog })),
);

/** The workspace picker's last item, an action rather than a workspace (as a team switcher ends in "Create team"). */
const NEW = 'new';

/**
 * Organization and workspace pickers; switching lands on the new workspace's services. Admins add a workspace
 * from the workspace picker's last item, then switch to it. An organization picked that has no workspace says so.
 */
export function ScopeSwitcher({ scope }: WorkspaceProps) {
  const me = useWhoami();
  // The organization a dialog is about: a new workspace in it, or (empty) it has none to open.
  const [asked, setAsked] = useState<{ org: { id: string; name: string }; empty: boolean } | null>(null);
  const orgs = useOrganizations();
  const workspaces = useWorkspaces(scope.orgId);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const orgSelect = useId();
  const wsSelect = useId();

  const goTo = (orgId: string, workspaceId: string) =>
    void navigate({ to: '/orgs/$orgId/workspaces/$workspaceId/services', params: { orgId, workspaceId } });

  return (
    <div className="scope-switcher">
      <label htmlFor={orgSelect} className="visually-hidden">
        Organization
      </label>
      <select
        id={orgSelect}
        className="select select-quiet"
        value={scope.orgId}
        onChange={async (e) => {
          const org = orgs.find((o) => o.id === e.target.value)!;
          const first = (await queryClient.ensureQueryData(workspacesQueryOptions(org.id))).items[0];
          if (first) goTo(org.id, first.id);
          else setAsked({ org, empty: true });
        }}
      >
        {orgs.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <span aria-hidden="true" className="muted">
        /
      </span>
      <label htmlFor={wsSelect} className="visually-hidden">
        Workspace
      </label>
      <select
        id={wsSelect}
        className="select select-quiet"
        value={scope.workspaceId}
        onChange={(e) => {
          if (e.target.value !== NEW) goTo(scope.orgId, e.target.value);
          // The name is for an empty organization's words only.
          else setAsked({ org: { id: scope.orgId, name: '' }, empty: false });
        }}
      >
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
        {can(me.role, 'organization:write') && (
          <>
            <hr />
            <option value={NEW}>New workspace…</option>
          </>
        )}
      </select>
      {asked && (
        <Suspense fallback={null}>
          <WorkspaceDialog
            organization={asked.org}
            empty={asked.empty}
            onClose={() => setAsked(null)}
            onCreated={(workspace) => goTo(asked.org.id, workspace.id)}
          />
        </Suspense>
      )}
    </div>
  );
}
