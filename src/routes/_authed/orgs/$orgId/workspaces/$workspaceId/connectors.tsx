import { createFileRoute } from '@tanstack/react-router';
import { ConnectorsPage } from '@/features/connectors/components/connectors-page';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/connectors')({
  staticData: { crumb: 'Connectors' },
  component: ConnectorsPage,
});
