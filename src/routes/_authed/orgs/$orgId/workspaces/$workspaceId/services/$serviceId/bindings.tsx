import { createFileRoute } from '@tanstack/react-router';
import { allInstancesQueryOptions } from '@/data/connectors/get-all-instances';
import { BindingsPage } from '@/features/bindings/bindings-page';
import { serviceProps } from '@/lib/route-props';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/bindings')({
  staticData: { crumb: 'Bindings' },
  loader: ({ context: { queryClient }, params }) => {
    // The bindings come with the service (its route loads it); the instances are fetched alongside, not waited for.
    void queryClient.prefetchQuery(allInstancesQueryOptions(params));
  },
  component: BindingsRoute,
});

function BindingsRoute() {
  return <BindingsPage {...serviceProps(Route.useParams())} />;
}
