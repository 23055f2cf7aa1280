/**
 * The last few operations run on an instance in this tab (sessionStorage,
 * `hs.connector-runs.<instance id>`): which operation, with which params,
 * when, and how it went — its summary, row count, time, or job. Never the
 * rows: a result may be large, and it is the instance's data, which the
 * platform keeps; a run's params are kept only when small (a large write's
 * rows are not). Nothing here is a secret: instance secrets are never params.
 */
import * as z from 'zod/mini';
import { browserStorage } from '@/lib/browser-storage';

export const RECENT_RUNS_MAX = 5;
/** Params longer than this (as JSON) are not kept: the run is listed without them. */
export const KEPT_PARAMS_MAX_CHARS = 4000;

const PREFIX = 'hs.connector-runs.';

const RecentRun = z.object({
  id: z.string(),
  operation_id: z.string(),
  operation_name: z.string(),
  at: z.string(),
  params: z.nullable(z.record(z.string(), z.unknown())),
  outcome: z.enum(['succeeded', 'job', 'failed']),
  summary: z.string(),
  row_count: z.nullable(z.number()),
  duration_ms: z.nullable(z.number()),
});
export type RecentRun = z.infer<typeof RecentRun>;

const storage = () => browserStorage('sessionStorage');

/** Newest first; what cannot be read is left out. */
export function recentRuns(instanceId: string): RecentRun[] {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(PREFIX + instanceId) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((row) => {
      const read = RecentRun.safeParse(row);
      return read.success ? [read.data] : [];
    });
  } catch {
    return [];
  }
}

/** Keep a run (its params only when small); the oldest beyond `RECENT_RUNS_MAX` go. */
export function rememberRun(instanceId: string, run: Omit<RecentRun, 'id' | 'at'> & { at?: string }): RecentRun[] {
  const kept: RecentRun = {
    ...run,
    id: globalThis.crypto.randomUUID(),
    at: run.at ?? new Date().toISOString(),
    params: run.params && JSON.stringify(run.params).length <= KEPT_PARAMS_MAX_CHARS ? run.params : null,
  };
  const runs = [kept, ...recentRuns(instanceId)].slice(0, RECENT_RUNS_MAX);
  try {
    storage()?.setItem(PREFIX + instanceId, JSON.stringify(runs));
  } catch {
    // storage full or refused: the runs stay on the page until it closes
  }
  return runs;
}

export function forgetRuns(instanceId: string): void {
  storage()?.removeItem(PREFIX + instanceId);
}
