import { createFileRoute } from '@tanstack/react-router';
import { serviceQueryOptions } from '@/data/services/get-service';
import { ServiceLayout } from '@/features/services/service-layout';
import { serviceProps } from '@/lib/route-props';

/** The one loader of the service record: every tab below reads it from the cache. */
export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId')({
  loader: async ({ context: { queryClient }, params }) => {
    const service = await queryClient.ensureQueryData(serviceQueryOptions(params, params.serviceId));
    return { crumb: service.name };
  },
  component: ServiceRoute,
});

function ServiceRoute() {
  return <ServiceLayout {...serviceProps(Route.useParams())} />;
}
