import { createFileRoute, redirect } from '@tanstack/react-router';
import { AppShell } from '@/app/shell/app-shell';
import { organizationsQueryOptions } from '@/data/organizations/get-organizations';
import { workspacesQueryOptions } from '@/data/organizations/get-workspaces';
import { lastScope } from '@/lib/last-scope';
import { loadedByParent } from '@/lib/route-props';

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
  staticData: { title: 'No workspace yet' },
  component: NoWorkspace,
});

/** Signed in, but in no workspace: the frame (to sign out) and what to do. */
function NoWorkspace() {
  return (
    <AppShell>
      <section className="state state-empty failure-page" aria-labelledby="no-workspace-title">
        <h1 id="no-workspace-title" tabIndex={-1}>
          No workspace yet
        </h1>
        <p className="state-body">Your account does not belong to any organization workspace. Ask an admin to add you.</p>
      </section>
    </AppShell>
  );
}
