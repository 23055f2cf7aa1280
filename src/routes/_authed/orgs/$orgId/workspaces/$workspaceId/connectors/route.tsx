import { createFileRoute, Outlet } from '@tanstack/react-router';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/connectors')({
  staticData: { crumb: 'Connectors' },
  component: Outlet,
});
