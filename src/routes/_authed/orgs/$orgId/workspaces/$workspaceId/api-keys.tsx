import { createFileRoute } from '@tanstack/react-router';
import { ApiKeysPage } from '@/features/api-keys/api-keys-page';
import { LIST_SEARCH_DEFAULTS, ListSearch } from '@/lib/list-search';
import { useSearchProps, workspaceProps } from '@/lib/route-props';
import { searchInUrl } from '@/routes/-search-in-url';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/api-keys')({
  staticData: { crumb: 'API keys' },
  // The page and the search.
  ...searchInUrl(ListSearch, LIST_SEARCH_DEFAULTS),
  component: ApiKeysRoute,
});

function ApiKeysRoute() {
  return <ApiKeysPage {...workspaceProps(Route.useParams())} {...useSearchProps(Route)} />;
}
