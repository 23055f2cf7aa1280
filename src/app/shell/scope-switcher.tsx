import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useId } from 'react';
import { useOrganizations } from '@/data/organizations/get-organizations';
import { useWorkspaces, workspacesQueryOptions } from '@/data/organizations/get-workspaces';
import type { WorkspaceProps } from '@/lib/route-props';

/** Organization and workspace pickers; switching lands on the new workspace's services. */
export function ScopeSwitcher({ scope }: WorkspaceProps) {
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
    </div>
  );
}
