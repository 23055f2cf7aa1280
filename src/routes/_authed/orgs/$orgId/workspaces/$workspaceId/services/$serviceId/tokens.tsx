import { createFileRoute } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { TokensPage } from '@/features/tokens/tokens-page';
import { serviceProps, useSearchProps } from '@/lib/route-props';
import { searchInUrl } from '@/routes/-search-in-url';

/** The revocations toggle lives in the URL, so a link reproduces the view; a bad value falls back. */
const TokensSearch = z.object({ expired: z._default(z.catch(z.boolean(), false), false) });

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/tokens')({
  staticData: { crumb: 'Tokens' },
  ...searchInUrl(TokensSearch, { expired: false }),
  component: TokensRoute,
});

function TokensRoute() {
  return <TokensPage {...serviceProps(Route.useParams())} {...useSearchProps(Route)} />;
}
