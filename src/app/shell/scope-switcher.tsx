import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { lazy, Suspense, useId, useState } from 'react';
import { useWhoami } from '@/data/auth/get-whoami';
import { useOrganizations } from '@/data/organizations/get-organizations';
import { useWorkspaces, workspacesQueryOptions } from '@/data/organizations/get-workspaces';
import { can } from '@/lib/permissions';
import type { WorkspaceProps } from '@/lib/route-props';

// Loaded when asked for: the form layer stays off the first page.
const NewWorkspaceDialog = lazy(() =>
  import('@/features/organizations/new-workspace-dialog').then((m) => ({ default: m.NewWorkspaceDialog })),
);

/** Organization and workspace pickers; switching lands on the new workspace's services. Admins add a workspace here, then switch to it. */
export function ScopeSwitcher({ scope }: WorkspaceProps) {
  const me = useWhoami();
  const [creating, setCreating] = useState(false);
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
          const orgId = e.target.value;
          const first = (await queryClient.ensureQueryData(workspacesQueryOptions(orgId))).items[0];
          if (first) goTo(orgId, first.id);
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
      <select id={wsSelect} className="select select-quiet" value={scope.workspaceId} onChange={(e) => goTo(scope.orgId, e.target.value)}>
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </select>
      {can(me.role, 'organization:write') && (
        <>
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            aria-label="New workspace"
            title="New workspace"
            onClick={() => setCreating(true)}
          >
            <span aria-hidden="true">+</span>
          </button>
          {creating && (
            <Suspense fallback={null}>
              <NewWorkspaceDialog
                orgId={scope.orgId}
                open
                onOpenChange={setCreating}
                onCreated={(workspace) => goTo(scope.orgId, workspace.id)}
              />
            </Suspense>
          )}
        </>
      )}
    </div>
  );
}
