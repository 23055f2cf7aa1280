import { createFileRoute } from '@tanstack/react-router';
import { AgentsPage } from '@/features/agents/agents-page';
import { workspaceProps } from '@/lib/route-props';

// No loader: the deployments list is an extension (CONTRACT §11), so the page says so itself when the platform lacks it.
export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/agents')({
  staticData: { crumb: 'Agent services' },
  component: AgentsRoute,
});

function AgentsRoute() {
  return <AgentsPage {...workspaceProps(Route.useParams())} />;
}
