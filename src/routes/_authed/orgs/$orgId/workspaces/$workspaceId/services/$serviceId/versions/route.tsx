import { createFileRoute, Outlet } from '@tanstack/react-router';
import { versionsQueryOptions } from '@/data/versions/get-versions';

/** The one loader of the versions under it: the list and each version's page read them from the cache. */
export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/versions')({
  staticData: { crumb: 'Versions' },
  loader: async ({ context: { queryClient }, params }) => {
    await queryClient.ensureQueryData(versionsQueryOptions(params, params.serviceId));
  },
  component: Outlet,
});
