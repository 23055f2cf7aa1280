import { createFileRoute } from '@tanstack/react-router';
import { BindingsPage } from '@/features/bindings/components/bindings-page';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/bindings')({
  staticData: { crumb: 'Bindings' },
  component: BindingsPage,
});
