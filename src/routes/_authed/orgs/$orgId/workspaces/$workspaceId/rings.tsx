import { createFileRoute } from '@tanstack/react-router';
import { RingsPage } from '@/features/rings/components/rings-page';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/rings')({
  staticData: { crumb: 'Rings' },
  component: RingsPage,
});
