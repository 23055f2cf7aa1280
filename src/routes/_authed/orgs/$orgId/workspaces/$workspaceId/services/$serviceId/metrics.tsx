import { createFileRoute } from '@tanstack/react-router';
import { MetricsPage } from '@/features/metrics/metrics-page';
import { MetricsSearch } from '@/features/metrics/metrics-search';
import { tabSearchInUrl } from '@/routes/-search-in-url';
import { loadVersions, useVersionsTabProps } from './-versions-tab';

const MetricsRoute = () => <MetricsPage {...useVersionsTabProps(Route)} />;

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/metrics')({
  // The window and the percentile are in the URL, so a reload or a link shows the same charts.
  ...tabSearchInUrl('Metrics', MetricsSearch),
  // The versions give each line its colour; the charts' own data loads in the page, which shows skeletons meanwhile.
  loader: loadVersions,
  component: MetricsRoute,
});
