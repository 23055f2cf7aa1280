import { createFileRoute, stripSearchParams } from '@tanstack/react-router';
import { z } from 'zod';
import { TokensPage } from '@/features/tokens/tokens-page';

/** The revocations toggle lives in the URL, so a link reproduces the view; a bad value falls back. */
const TokensSearch = z.object({ expired: z.boolean().catch(false).default(false) });

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/tokens')({
  staticData: { crumb: 'Tokens' },
  validateSearch: TokensSearch,
  search: { middlewares: [stripSearchParams({ expired: false })] },
  component: TokensRoute,
});

function TokensRoute() {
  const { expired } = Route.useSearch();
  const navigate = Route.useNavigate();
  return <TokensPage includeExpired={expired} onIncludeExpiredChange={(v) => void navigate({ search: { expired: v }, replace: true })} />;
}
