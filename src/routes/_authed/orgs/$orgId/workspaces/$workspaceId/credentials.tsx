import { createFileRoute } from '@tanstack/react-router';
import { OrganizationCredentialsPage } from '@/features/credentials/organization-credentials-page';
import { workspaceProps } from '@/lib/route-props';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/credentials')({
  staticData: { crumb: 'Credentials' },
  component: CredentialsRoute,
});

function CredentialsRoute() {
  return <OrganizationCredentialsPage {...workspaceProps(Route.useParams())} />;
}
