import { createFileRoute } from '@tanstack/react-router';
import { organizationQueryOptions } from '@/data/organizations/get-organization';
import { OrganizationSettingsPage } from '@/features/organizations/organization-settings-page';
import { workspaceProps } from '@/lib/route-props';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/organization')({
  staticData: { crumb: 'Organization' },
  loader: ({ context: { queryClient }, params }) => queryClient.ensureQueryData(organizationQueryOptions(params.orgId)),
  component: OrganizationRoute,
});

function OrganizationRoute() {
  const params = Route.useParams();
  const navigate = Route.useNavigate();
  return (
    <OrganizationSettingsPage
      {...workspaceProps(params)}
      onWorkspaceCreated={(workspace) =>
        void navigate({ to: '/orgs/$orgId/workspaces/$workspaceId/services', params: { orgId: params.orgId, workspaceId: workspace.id } })
      }
    />
  );
}
