import { createFileRoute } from '@tanstack/react-router';
import { OrgCredentialsPage } from '@/features/credentials/organization-credentials-page';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/credentials')({
  staticData: { crumb: 'Credentials' },
  component: OrgCredentialsPage,
});
