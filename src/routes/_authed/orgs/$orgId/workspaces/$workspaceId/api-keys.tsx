import { createFileRoute } from '@tanstack/react-router';
import { ApiKeysPage } from '@/features/api-keys/api-keys-page';
import { workspaceProps } from '@/lib/route-props';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/api-keys')({
  staticData: { crumb: 'API keys' },
  component: ApiKeysRoute,
});

function ApiKeysRoute() {
  return <ApiKeysPage {...workspaceProps(Route.useParams())} />;
}
