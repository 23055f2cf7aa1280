import { createFileRoute } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { versionsQueryOptions } from '@/api/get-versions';
import { StubsPage } from '@/features/stubs/components/stubs-page';

/** The language and version are in the URL, so a link opens the same stub; a bad value falls back to the default. */
const stubsSearch = z.object({
  language: z.catch(z.optional(z.enum(['python', 'typescript'])), undefined),
  version: z.catch(z.optional(z.coerce.number().check(z.int(), z.minimum(1))), undefined),
});

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/stubs')({
  staticData: { crumb: 'Stubs' },
  validateSearch: stubsSearch,
  loader: ({ context: { queryClient }, params }) => queryClient.ensureQueryData(versionsQueryOptions(params, params.serviceId)),
  component: StubsPage,
});
