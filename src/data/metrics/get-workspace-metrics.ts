import { queryOptions, useQuery } from '@tanstack/react-query';
import { readWorkspaceServiceMetrics, type MetricsWindow } from '@/contract/metrics';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { capabilityState, learnCapability } from '@/lib/capabilities';
import { isMissingRoute } from '@/lib/not-available';
import { metricsKeys } from './keys';

/**
 * [extension] `GET …/workspaces/{id}/service-metrics?window=1h&service_id=…`
 * (CONTRACT §12): each service's totals and its versions', for the services
 * with traffic in the window — one call for a page of services, never one per
 * row; `'all'` asks for every service with traffic (the "Needs attention" view).
 *
 * Null on a platform without metrics. It learns that as `readExtension` does
 * (lib/extensions.ts) but without the extension registry, which the services
 * list's first load does not carry.
 */
export async function getWorkspaceMetrics(
  scope: Scope,
  window: MetricsWindow,
  serviceIds: readonly string[] | 'all',
  signal?: AbortSignal,
) {
  if (capabilityState('metrics') === 'unavailable') return null;
  try {
    const metrics = await api.get(paths.serviceMetrics(scope), readWorkspaceServiceMetrics, {
      query: { window, service_id: serviceIds === 'all' ? undefined : serviceIds },
      signal,
    });
    learnCapability('metrics', 'available');
    return metrics;
  } catch (error) {
    if (!isMissingRoute(error)) throw error;
    learnCapability('metrics', 'unavailable');
    return null;
  }
}

export const workspaceMetricsQueryOptions = (scope: Scope, serviceIds: readonly string[] | 'all', window: MetricsWindow = '1h') =>
  queryOptions({
    queryKey: metricsKeys.workspace(scope, window, serviceIds),
    queryFn: ({ signal }) => getWorkspaceMetrics(scope, window, serviceIds, signal),
    staleTime: 60_000,
    refetchInterval: (query) => (query.state.data === null ? false : 60_000),
  });

/** A page's services' last-hour figures; nothing is asked for an empty page. */
export const useWorkspaceMetrics = (scope: Scope, serviceIds: readonly string[] | 'all', window: MetricsWindow = '1h') =>
  useQuery({ ...workspaceMetricsQueryOptions(scope, serviceIds, window), enabled: serviceIds === 'all' || serviceIds.length > 0 });
