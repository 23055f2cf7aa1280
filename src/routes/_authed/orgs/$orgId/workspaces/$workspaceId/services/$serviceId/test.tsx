import { createFileRoute } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { TestPage } from '@/features/invoke/test-page';
import { tabSearchInUrl } from '@/routes/-search-in-url';
import { loadVersions, useVersionsTabProps } from './-versions-tab';

/** The endpoint and version are in the URL, so a link opens the same request form; a bad value falls back to the default. */
const TestSearch = z.object({
  endpoint: z.catch(z.optional(z.string().check(z.maxLength(220))), undefined),
  version: z.catch(z.optional(z.union([z.literal('split'), z.pipe(z.coerce.number(), z.int().check(z.gte(1)))])), undefined),
});

const TestRoute = () => <TestPage {...useVersionsTabProps(Route)} />;

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/test')({
  ...tabSearchInUrl('Test', TestSearch),
  loader: loadVersions,
  component: TestRoute,
});
