import { createFileRoute } from '@tanstack/react-router';
import { effectiveCredentialsQueryOptions } from '@/data/credentials/get-effective-credentials';
import { serviceQueryOptions } from '@/data/services/get-service';
import { ServiceCredentialsPage } from '@/features/credentials/service-credentials-page';
import { loadedByParent, serviceProps } from '@/lib/route-props';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/credentials')({
  staticData: { crumb: 'Credentials' },
  loader: async ({ context: { queryClient }, params, parentMatchPromise }) => {
    const service = await loadedByParent(parentMatchPromise, queryClient, serviceQueryOptions(params, params.serviceId).queryKey);
    // Invocation services deploy into no cloud project: nothing to read.
    if (service?.execution_mode !== 'persistent') return;
    await queryClient.ensureQueryData(effectiveCredentialsQueryOptions(params, params.serviceId));
  },
  component: CredentialsRoute,
});

function CredentialsRoute() {
  return <ServiceCredentialsPage {...serviceProps(Route.useParams())} />;
}
