/**
 * The Metrics tab's URL: the window, the latency percentile shown and the
 * endpoint whose calls are counted (absent: the defaults — every endpoint —
 * so a plain link stays plain). This is the route's
 * `validateSearch`, which loads with the app's first page (route definitions
 * are not split), so it imports only zod and the contract's types.
 */
import * as z from 'zod/mini';
import type { MetricsWindow } from '@/contract/metrics';

export type Percentile = 'p50' | 'p95' | 'p99';

/** The contract's windows (`METRICS_WINDOWS`, not imported: it would bring the contract's schemas onto the first load). */
const WINDOWS = ['15m', '1h', '6h', '24h', '7d'] as const satisfies readonly MetricsWindow[];

/** A bad value reads as none, so a bad link still opens. */
export const MetricsSearch = z.object({
  window: z.catch(z.optional(z.enum(WINDOWS)), undefined),
  latency: z.catch(z.optional(z.enum(['p50', 'p95', 'p99'])), undefined),
  /** An endpoint's path template, as the contract's `MetricsQuery.path` (at most 500 characters). */
  path: z.catch(z.optional(z.string().check(z.regex(/^\//), z.maxLength(500))), undefined),
});
export type MetricsSearch = z.output<typeof MetricsSearch>;

/** What the tab shows when the URL says nothing. */
export const metricsView = (s: MetricsSearch) => ({ window: s.window ?? '1h', latency: s.latency ?? 'p95', path: s.path }) as const;
