import type { MetricsWindow } from '@/contract/metrics';
import type { Scope } from '@/contract/paths';
import { serviceKeys } from '../services/keys';

/**
 * Metrics: a service's, composed on the service's key (deleting the service
 * drops them); the workspace's per-service totals beside the services lists.
 */
export const metricsKeys = {
  /** `path`: one endpoint's calls (undefined: every endpoint's). */
  service: (s: Scope, serviceId: string, window: MetricsWindow, path?: string) =>
    [...serviceKeys.detail(s, serviceId), 'metrics', window, path ?? null] as const,
  workspace: (s: Scope, window: MetricsWindow, serviceIds: readonly string[] | 'all') =>
    [...serviceKeys.all(s), 'service-metrics', window, serviceIds] as const,
};
