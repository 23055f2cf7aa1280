import { createFileRoute } from '@tanstack/react-router';
import { CreateServicePage } from '@/features/services/create-service-page';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/new')({
  staticData: { crumb: 'New Service' },
  component: CreateServicePage,
});
