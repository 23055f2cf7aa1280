import { createFileRoute } from '@tanstack/react-router';
import { connectorTypesQueryOptions } from '@/data/connectors/get-connector-types';
import { ConnectorsPage } from '@/features/connectors/connectors-page';
import { CONNECTORS_SEARCH_DEFAULTS, ConnectorsSearch } from '@/features/connectors/connectors-search';
import { useSearchProps, workspaceProps } from '@/lib/route-props';
import { searchInUrl } from '@/routes/-search-in-url';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/connectors/')({
  // The search and each type's page.
  ...searchInUrl(ConnectorsSearch, CONNECTORS_SEARCH_DEFAULTS),
  loader: ({ context: { queryClient }, params }) => queryClient.ensureQueryData(connectorTypesQueryOptions(params)),
  component: ConnectorsRoute,
});

function ConnectorsRoute() {
  return <ConnectorsPage {...workspaceProps(Route.useParams())} {...useSearchProps(Route)} />;
}
