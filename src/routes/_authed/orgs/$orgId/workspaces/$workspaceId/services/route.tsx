import { createFileRoute, Outlet } from '@tanstack/react-router';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services')({
  staticData: { crumb: 'Hosted Services' },
  component: Outlet,
});
