import { createFileRoute } from '@tanstack/react-router';
import { ringsQueryOptions } from '@/data/rings/get-rings';
import { RingsPage } from '@/features/rings/rings-page';
import { workspaceProps } from '@/lib/route-props';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/rings')({
  staticData: { crumb: 'Rings' },
  loader: ({ context: { queryClient }, params }) => queryClient.ensureQueryData(ringsQueryOptions(params)),
  component: RingsRoute,
});

function RingsRoute() {
  return <RingsPage {...workspaceProps(Route.useParams())} />;
}
