import { createFileRoute } from '@tanstack/react-router';
import { versionsQueryOptions } from '@/data/versions/get-versions';
import { TestPage } from '@/features/invoke/test-page';
import { serviceProps } from '@/lib/route-props';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/test')({
  staticData: { crumb: 'Test' },
  loader: ({ context: { queryClient }, params }) => queryClient.ensureQueryData(versionsQueryOptions(params, params.serviceId)),
  component: TestRoute,
});

function TestRoute() {
  return <TestPage {...serviceProps(Route.useParams())} />;
}
