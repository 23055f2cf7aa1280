import { createFileRoute } from '@tanstack/react-router';
import { connectorTypesQueryOptions } from '@/data/connectors/get-connector-types';
import { ConnectorsPage } from '@/features/connectors/connectors-page';
import { workspaceProps } from '@/lib/route-props';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/connectors/')({
  loader: ({ context: { queryClient }, params }) => queryClient.ensureQueryData(connectorTypesQueryOptions(params)),
  component: ConnectorsRoute,
});

function ConnectorsRoute() {
  return <ConnectorsPage {...workspaceProps(Route.useParams())} />;
}
