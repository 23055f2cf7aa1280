import { createFileRoute } from '@tanstack/react-router';
import { CreateServicePage } from '@/features/services/create-service-page';
import { workspaceProps } from '@/lib/route-props';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/new')({
  staticData: { crumb: 'New Service' },
  component: NewServiceRoute,
});

function NewServiceRoute() {
  return <CreateServicePage {...workspaceProps(Route.useParams())} />;
}
