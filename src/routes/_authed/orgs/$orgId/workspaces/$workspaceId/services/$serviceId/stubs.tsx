import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { versionsQueryOptions } from '@/data/versions/get-versions';
import { StubsPage } from '@/features/stubs/stubs-page';

/** The language and version are in the URL, so a link opens the same stub; a bad value falls back to the default. */
const stubsSearch = z.object({
  language: z.enum(['python', 'typescript']).optional().catch(undefined),
  version: z.coerce.number().int().min(1).optional().catch(undefined),
});

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/stubs')({
  staticData: { crumb: 'Stubs' },
  validateSearch: stubsSearch,
  loader: ({ context: { queryClient }, params }) => queryClient.ensureQueryData(versionsQueryOptions(params, params.serviceId)),
  component: StubsPage,
});
