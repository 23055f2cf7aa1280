import { createFileRoute } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { versionsQueryOptions } from '@/data/versions/get-versions';
import { StubsPage } from '@/features/stubs/stubs-page';
import { serviceProps, useSearchProps } from '@/lib/route-props';

/** The language and version are in the URL, so a link opens the same stub; a bad value falls back to the default. */
const StubsSearch = z.object({
  language: z.catch(z.optional(z.enum(['python', 'typescript'])), undefined),
  version: z.catch(z.optional(z.pipe(z.coerce.number(), z.int().check(z.gte(1)))), undefined),
});

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/stubs')({
  staticData: { crumb: 'Stubs' },
  validateSearch: StubsSearch,
  loader: ({ context: { queryClient }, params }) => queryClient.ensureQueryData(versionsQueryOptions(params, params.serviceId)),
  component: StubsRoute,
});

function StubsRoute() {
  return <StubsPage {...serviceProps(Route.useParams())} {...useSearchProps(Route, { resetScroll: false })} />;
}
