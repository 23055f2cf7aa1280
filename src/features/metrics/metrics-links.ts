import { WINDOW_SPECS, type MetricsWindow } from '@/contract/metrics';
import type { ServiceVersionRead } from '@/contract/versions';
import { isServing } from '@/contract/versions-rules';

/**
 * The start of the window the figures count, at `now` on the platform's clock
 * (epoch ms): its buckets align to the step and the last one holds now
 * (CONTRACT §12), so the first starts a step less than the window before the next.
 */
export function windowStart(window: MetricsWindow, now: number): number {
  const { seconds, step_seconds } = WINDOW_SPECS[window];
  const step = step_seconds * 1000;
  return Math.floor(now / step) * step - (seconds - step_seconds) * 1000;
}

/**
 * The Logs tab's search for the calls behind a version's figures: that
 * version, the endpoint chosen (none: every one) and the window, from its
 * start with no end, so the calls since the figures were read show too. With
 * `status`, only those (its 5xx). The Logs route's own schema types it where
 * a link uses it (a feature does not import another's), so it cannot drift.
 */
export const logsSearchFor = (
  { version, path, window, now }: { version: number; path?: string; window: MetricsWindow; now: number },
  status?: '5xx',
) => ({ version, path, status, since: new Date(windowStart(window, now)).toISOString() });

/** An endpoint of the serving versions: its path template (what the metrics count by) and the methods it answers. */
export type MetricsEndpoint = { path: string; methods: readonly string[] };

/** The serving versions' endpoints, by path (a path answered by several methods is one endpoint to the metrics). */
export function servingEndpoints(versions: readonly Pick<ServiceVersionRead, 'status' | 'endpoint_snapshot'>[]): MetricsEndpoint[] {
  const methods = new Map<string, Set<string>>();
  for (const v of versions.filter(isServing))
    for (const e of v.endpoint_snapshot ?? []) methods.set(e.path, (methods.get(e.path) ?? new Set()).add(e.method));
  return [...methods].map(([path, set]) => ({ path, methods: [...set].sort() })).sort((a, b) => a.path.localeCompare(b.path));
}

/** "POST /embed"; a path the versions do not list (from a link) as itself. */
export const endpointWords = (path: string, endpoints: readonly MetricsEndpoint[]) => {
  const methods = endpoints.find((e) => e.path === path)?.methods ?? [];
  return methods.length > 0 ? `${methods.join(', ')} ${path}` : path;
};
