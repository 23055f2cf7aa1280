import { createFileRoute, notFound } from '@tanstack/react-router';
import { endpointsQueryOptions } from '@/data/versions/get-endpoints';
import { findVersion } from '@/data/versions/get-version';
import { VersionPage } from '@/features/versions/version-page';
import { serviceProps } from '@/lib/route-props';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/versions/$versionId')({
  loader: async ({ context: { queryClient }, params, parentMatchPromise }) => {
    await parentMatchPromise;
    // From the list the parent loaded; a version beyond it from `GET …/versions/{id}` where the platform has that (our extension).
    const version = await findVersion(queryClient, params, params.serviceId, params.versionId);
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
