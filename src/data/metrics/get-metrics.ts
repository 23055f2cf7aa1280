import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { readServiceMetrics, WINDOW_SPECS, type MetricsWindow } from '@/contract/metrics';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { readExtension } from '@/lib/extensions';
import { metricsKeys } from './keys';

/**
 * [extension] `GET …/hosted-services/{id}/metrics?window=…&path=…` (CONTRACT
 * §12): each version's requests, errors and latency per bucket over the
 * window — of one endpoint's calls when `path` (its template) is given — or
 * `{ available: false }` on a platform without metrics.
 */
export const getMetrics = (scope: Scope, serviceId: string, window: MetricsWindow, path?: string, signal?: AbortSignal) =>
  readExtension('metrics', () => api.get(paths.metrics(scope, serviceId), readServiceMetrics, { query: { window, path }, signal }));

/** Read again once a bucket may have filled: every step, at least every 30 s and at most every 5 min. */
export const metricsRefreshMs = (window: MetricsWindow) => Math.min(Math.max(WINDOW_SPECS[window].step_seconds * 1000, 30_000), 300_000);

export const metricsQueryOptions = (scope: Scope, serviceId: string, window: MetricsWindow, path?: string) =>
  queryOptions({
    queryKey: metricsKeys.service(scope, serviceId, window, path),
    queryFn: ({ signal }) => getMetrics(scope, serviceId, window, path, signal),
    staleTime: metricsRefreshMs(window),
    // While the tab is open (and the browser tab visible: TanStack pauses intervals in the background).
    refetchInterval: (query) => (query.state.data?.available === false ? false : metricsRefreshMs(window)),
    // Another window (or endpoint) keeps the lines on screen while its own load.
    placeholderData: keepPreviousData,
  });

export const useMetrics = (scope: Scope, serviceId: string, window: MetricsWindow, path?: string) =>
  useQuery(metricsQueryOptions(scope, serviceId, window, path));
