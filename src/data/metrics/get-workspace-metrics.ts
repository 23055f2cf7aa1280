import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MetricsWindow } from '@/contract/metrics';
import type { Scope } from '@/contract/paths';
import { metricsKeys } from './keys';

/**
 * A workspace's services' figures over a window (`service-metrics`, our
 * extension): one call for a page of services, never one per row; `'all'` for
 * every service with traffic (the "Needs attention" view). Null on a platform
 * without metrics.
 *
 * The fetcher — the extension registry and the contract's metrics schemas
 * with it — loads when the list first asks, not with the services list's
 * first load (`npm run size`): the figures come a moment after the rows.
 */
export const getWorkspaceMetrics = async (
  scope: Scope,
  window: MetricsWindow,
  serviceIds: readonly string[] | 'all',
  signal?: AbortSignal,
) => (await import('./fetch-workspace-metrics')).fetchWorkspaceMetrics(scope, window, serviceIds, signal);

/** What the platform said of the workspace's services (null: it has no metrics). */
export type WorkspaceMetricsRead = Awaited<ReturnType<typeof getWorkspaceMetrics>>;

export const workspaceMetricsQueryOptions = (scope: Scope, serviceIds: readonly string[] | 'all', window: MetricsWindow = '1h') =>
  queryOptions({
    queryKey: metricsKeys.workspace(scope, window, serviceIds),
    queryFn: ({ signal }) => getWorkspaceMetrics(scope, window, serviceIds, signal),
    staleTime: 60_000,
  });

/** A page's services' last-hour figures; nothing is asked for an empty page. */
export const useWorkspaceMetrics = (scope: Scope, serviceIds: readonly string[] | 'all', window: MetricsWindow = '1h') =>
  useQuery({ ...workspaceMetricsQueryOptions(scope, serviceIds, window), enabled: serviceIds === 'all' || serviceIds.length > 0 });
