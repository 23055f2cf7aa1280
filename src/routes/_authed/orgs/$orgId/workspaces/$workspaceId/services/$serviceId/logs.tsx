import { createFileRoute } from '@tanstack/react-router';
import { LogsPage } from '@/features/requests/logs-page';
import { LogsSearch } from '@/features/requests/logs-search';
import { tabSearchInUrl } from '@/routes/-search-in-url';
import { loadVersions, useVersionsTabProps } from './-versions-tab';

const LogsRoute = () => <LogsPage {...useVersionsTabProps(Route)} />;

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/logs')({
  // The filters, Live and the open record are in the URL (a bad value falls back to none), so a link opens the same view.
  ...tabSearchInUrl('Logs', LogsSearch),
  loader: loadVersions,
  component: LogsRoute,
});
