import { createFileRoute, notFound } from '@tanstack/react-router';
import { versionsQueryOptions } from '@/data/versions/get-versions';
import { endpointsQueryOptions } from '@/data/versions/get-endpoints';
import { VersionPage } from '@/features/versions/version-page';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/versions/$versionId')({
  loader: async ({ context: { queryClient }, params }) => {
    const versions = await queryClient.ensureQueryData(versionsQueryOptions(params, params.serviceId));
    const version = versions.items.find((v) => v.id === params.versionId);
    if (!version) throw notFound();
    if (version.status === 'draft') await queryClient.ensureQueryData(endpointsQueryOptions(params, params.serviceId, version.id));
    return { crumb: `Version ${version.version}` };
  },
  component: VersionRoute,
});

function VersionRoute() {
  const { versionId } = Route.useParams();
  return <VersionPage versionId={versionId} />;
}
