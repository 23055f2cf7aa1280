import { createFileRoute, Outlet } from '@tanstack/react-router';
import { versionsQueryOptions } from '@/data/versions/get-versions';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/versions')({
  staticData: { crumb: 'Versions' },
  loader: async ({ context: { queryClient }, params }) => {
    await queryClient.ensureQueryData(versionsQueryOptions(params, params.serviceId));
  },
  component: Outlet,
});
