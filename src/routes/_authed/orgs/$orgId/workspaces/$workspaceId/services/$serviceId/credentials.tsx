import { createFileRoute } from '@tanstack/react-router';
import { effectiveCredentialsQueryOptions } from '@/data/credentials/get-effective-credentials';
import { ServiceCredentialsPage } from '@/features/credentials/service-credentials-page';
import { serviceProps } from '@/lib/route-props';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/credentials')({
  staticData: { crumb: 'Credentials' },
  loader: ({ context: { queryClient }, params }) => queryClient.ensureQueryData(effectiveCredentialsQueryOptions(params, params.serviceId)),
  component: CredentialsRoute,
});

function CredentialsRoute() {
  return <ServiceCredentialsPage {...serviceProps(Route.useParams())} />;
}
