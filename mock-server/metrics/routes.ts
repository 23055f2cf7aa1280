/**
 * Request metrics (CONTRACT §12, our extension): a service's counts, errors
 * and latency percentiles per version over a window, and a workspace's
 * totals per service for list pages — both read from pre-aggregated buckets
 * (buckets.ts). Anyone who may read the service (or the workspace) may read
 * them; another organization's is a 404.
 */
import { MetricsQuery, ServiceMetrics, WorkspaceMetricsQuery, WorkspaceServiceMetrics } from '../../src/contract/metrics';
import { paths } from '../../src/contract/paths';
import { isServing } from '../../src/contract/versions-rules';
import { listPageRead } from '../core/list-page-reads';
import { domainApi, get, workspacePath } from '../core/operations';
import { reply } from '../core/replies';
import { servicePath } from '../services/paths';

const SERVICE_METRICS = servicePath('/metrics', paths.metrics);
const WORKSPACE_METRICS = workspacePath('/service-metrics', paths.serviceMetrics);

export const metricsApi = domainApi(
  ['metrics'],
  [
    get(
      SERVICE_METRICS,
      'getServiceMetrics',
      'How each version of the service behaves over a window (`15m`, `1h` (default), `6h`, `24h`, `7d`): requests, 4xx, 5xx and p50/p95/p99 latency per step, every step present, with totals per version and for the service (calls answered before a version was chosen count in the service’s only). Optional `version` and `path` (an endpoint’s template).',
      {
        query: MetricsQuery,
        responses: {
          200: { description: 'The window, its steps, and each version’s points and totals', schema: ServiceMetrics },
          422: { description: 'Validation error (an unknown window, a version that is not a whole number ≥ 1)' },
        },
        handler: ({ var: { store, service, query } }) => {
          store.requestLog.flush();
          const serving = store
            .versionsOf(service.id)
            .filter(isServing)
            .map((v) => v.version);
          return reply(200, ServiceMetrics, store.requestMetrics.service(service.id, query, store.clock.now(), serving));
        },
      },
    ),
    listPageRead(
      WORKSPACE_METRICS,
      'listServiceMetrics',
      'Totals per service and version over a window for the services of the workspace with traffic in it',
      {
        query: WorkspaceMetricsQuery,
        answers: 'The services with traffic in the window',
        schema: WorkspaceServiceMetrics,
        invalid: 'an unknown window',
        answer: ({ var: { store, workspace, query } }, asked) => {
          store.requestLog.flush();
          const items = store.requestMetrics
            .workspace(workspace.id, query.window, store.clock.now(), asked && [...asked])
            .filter((item) => store.serviceIn(workspace.id, item.service_id) !== undefined);
          return { window: query.window, items };
        },
      },
    ),
  ],
);
