import type { ServiceVersionRead } from '@/contract/versions';
import { isServing } from '@/contract/versions-rules';

/**
 * The Logs tab's search for the calls behind a version's figures: that
 * version, the endpoint chosen (none: every one), from the start of the window
 * the platform counted (the answer's `from`, on its clock) with no end, so the
 * calls since the figures were read show too. With `status`, only those (its
 * 5xx). The Logs route's own schema types it where a link uses it (a feature
 * does not import another's), so it cannot drift.
 */
export const logsSearchFor = ({ version, path, since }: { version: number; path?: string; since: string }, status?: '5xx') => ({
  version,
  path,
  status,
  since,
});

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
