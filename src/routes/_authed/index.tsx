import { createFileRoute, redirect } from '@tanstack/react-router';
import { organizationsQueryOptions } from '@/data/organizations/get-organizations';
import { workspacesQueryOptions } from '@/data/organizations/get-workspaces';
import { lastScope } from '@/lib/last-scope';
import { loadedByParent } from '@/lib/route-props';
import { EmptyState } from '@/ui/states';

/** `/` lands in the last workspace used, or the first one the user can see. */
export const Route = createFileRoute('/_authed/')({
  loader: async ({ context: { queryClient }, parentMatchPromise }) => {
    const orgs = (await loadedByParent(parentMatchPromise, queryClient, organizationsQueryOptions().queryKey))?.items ?? [];
    const remembered = lastScope();
    const org = orgs.find((o) => o.id === remembered.orgId) ?? orgs[0];
    if (!org) return;
    const workspaces = (await queryClient.ensureQueryData(workspacesQueryOptions(org.id))).items;
    const workspace = workspaces.find((w) => w.id === remembered.workspaceId) ?? workspaces[0];
    if (!workspace) return;
    throw redirect({ to: '/orgs/$orgId/workspaces/$workspaceId/services', params: { orgId: org.id, workspaceId: workspace.id } });
  },
  component: NoWorkspace,
});

function NoWorkspace() {
  return (
    <EmptyState title="No workspace yet">
      <p>Your account does not belong to any organization workspace. Ask an admin to add you.</p>
    </EmptyState>
  );
}
