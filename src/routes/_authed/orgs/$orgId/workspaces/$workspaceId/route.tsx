import { createFileRoute, notFound } from '@tanstack/react-router';
import { AppShell } from '@/app/shell/app-shell';
import { organizationsQueryOptions } from '@/data/organizations/get-organizations';
import { workspacesQueryOptions } from '@/data/organizations/get-workspaces';
import { rememberScope } from '@/lib/last-scope';
import { loadedByParent, workspaceProps } from '@/lib/route-props';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId')({
  loader: async ({ context: { queryClient }, params, parentMatchPromise }) => {
    const [orgs, workspaces] = await Promise.all([
      loadedByParent(parentMatchPromise, queryClient, organizationsQueryOptions().queryKey),
      queryClient.ensureQueryData(workspacesQueryOptions(params.orgId)),
    ]);
    const org = orgs?.items.find((o) => o.id === params.orgId);
    const workspace = workspaces.items.find((w) => w.id === params.workspaceId);
    if (!org || !workspace) throw notFound();
    rememberScope({ orgId: org.id, workspaceId: workspace.id });
  },
  component: WorkspaceRoute,
});

function WorkspaceRoute() {
  return <AppShell {...workspaceProps(Route.useParams())} />;
}
