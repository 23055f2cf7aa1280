import { createFileRoute, notFound } from '@tanstack/react-router';
import { endpointsQueryOptions } from '@/data/versions/get-endpoints';
import { versionsQueryOptions } from '@/data/versions/get-versions';
import { VersionPage } from '@/features/versions/version-page';
import { loadedByParent, serviceProps } from '@/lib/route-props';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/versions/$versionId')({
  loader: async ({ context: { queryClient }, params, parentMatchPromise }) => {
    const versions = await loadedByParent(parentMatchPromise, queryClient, versionsQueryOptions(params, params.serviceId).queryKey);
    const version = versions?.items.find((v) => v.id === params.versionId);
    if (!version) throw notFound();
    // A draft's endpoints are edited here; a published version shows its frozen snapshot instead.
    if (version.status === 'draft') await queryClient.ensureQueryData(endpointsQueryOptions(params, params.serviceId, version.id));
    return { crumb: `Version ${version.version}` };
  },
  component: VersionRoute,
});

function VersionRoute() {
  const { versionId, ...params } = Route.useParams();
  return <VersionPage {...serviceProps(params)} versionId={versionId} />;
}
