import { createFileRoute } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { StubsPage } from '@/features/stubs/stubs-page';
import { tabSearchInUrl } from '@/routes/-search-in-url';
import { loadVersions, useVersionsTabProps } from './-versions-tab';

/** The language and version are in the URL, so a link opens the same stub; a bad value falls back to the default. */
const StubsSearch = z.object({
  language: z.catch(z.optional(z.enum(['python', 'typescript'])), undefined),
  version: z.catch(z.optional(z.pipe(z.coerce.number(), z.int().check(z.gte(1)))), undefined),
});

const StubsRoute = () => <StubsPage {...useVersionsTabProps(Route)} />;

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/stubs')({
  ...tabSearchInUrl('Stubs', StubsSearch),
  loader: loadVersions,
  component: StubsRoute,
});
