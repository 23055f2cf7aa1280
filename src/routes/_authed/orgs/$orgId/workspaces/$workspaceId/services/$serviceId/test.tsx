import { createFileRoute } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { versionsQueryOptions } from '@/data/versions/get-versions';
import { TestPage } from '@/features/invoke/test-page';
import { serviceProps, useSearchProps } from '@/lib/route-props';

/** The endpoint and version are in the URL, so a link opens the same request form; a bad value falls back to the default. */
const TestSearch = z.object({
  endpoint: z.catch(z.optional(z.string().check(z.maxLength(220))), undefined),
  version: z.catch(z.optional(z.union([z.literal('split'), z.pipe(z.coerce.number(), z.int().check(z.gte(1)))])), undefined),
});

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/test')({
  staticData: { crumb: 'Test' },
  validateSearch: TestSearch,
  loader: ({ context: { queryClient }, params }) => queryClient.ensureQueryData(versionsQueryOptions(params, params.serviceId)),
  component: TestRoute,
});

function TestRoute() {
  return <TestPage {...serviceProps(Route.useParams())} {...useSearchProps(Route, { resetScroll: false })} />;
}
