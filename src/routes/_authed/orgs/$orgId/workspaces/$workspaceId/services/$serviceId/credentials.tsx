import { createFileRoute } from '@tanstack/react-router';
import { ServiceCredentialsPage } from '@/features/credentials/components/service-credentials-page';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/credentials')({
  staticData: { crumb: 'Credentials' },
  component: ServiceCredentialsPage,
});
