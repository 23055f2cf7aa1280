import { readWorkspaceServiceMetrics, type MetricsWindow } from '@/contract/metrics';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { readExtension } from '@/lib/extensions';

/**
 * [extension] `GET …/workspaces/{id}/service-metrics?window=1h&service_id=…`
 * (CONTRACT §12): each service's totals and its versions', for the services
 * with traffic in the window; `'all'` asks for every service with traffic.
 * Null on a platform without metrics. Loaded by `get-workspace-metrics.ts`
 * when the list first asks (see there why).
 */
export async function fetchWorkspaceMetrics(
  scope: Scope,
  window: MetricsWindow,
  serviceIds: readonly string[] | 'all',
  signal?: AbortSignal,
) {
  const read = await readExtension('metrics', () =>
    api.get(paths.serviceMetrics(scope), readWorkspaceServiceMetrics, {
      query: { window, service_id: serviceIds === 'all' ? undefined : serviceIds },
      signal,
    }),
  );
  return read.available ? read.data : null;
}
