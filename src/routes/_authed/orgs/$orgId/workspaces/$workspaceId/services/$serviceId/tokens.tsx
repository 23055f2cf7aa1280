import { createFileRoute } from '@tanstack/react-router';
import { TokensPage } from '@/features/tokens/components/tokens-page';

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/tokens')({
  staticData: { crumb: 'Tokens' },
  component: TokensPage,
});
