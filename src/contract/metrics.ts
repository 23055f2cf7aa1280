/**
 * **[decision, extension]** How each version behaves under traffic (CONTRACT
 * §12): request counts, errors and latency percentiles per time bucket, read
 * from pre-aggregated buckets so a query's cost does not grow with the number
 * of request records.
 *
 * `GET …/hosted-services/{id}/metrics?window=…` and, for list pages, the
 * workspace's `GET …/service-metrics?window=…` (one call per page, never one per row).
 */
import * as z from 'zod/mini';
import { Id } from './common-read';
import { lenient, strict, type Mode, type Reading } from './reading';

export const METRICS_WINDOWS = ['15m', '1h', '6h', '24h', '7d'] as const;
export const MetricsWindow = z.enum(METRICS_WINDOWS);
export type MetricsWindow = z.infer<typeof MetricsWindow>;

/** Each window's length and bucket size, in seconds (CONTRACT §12). */
export const WINDOW_SPECS: Record<MetricsWindow, { seconds: number; step_seconds: number }> = {
  '15m': { seconds: 15 * 60, step_seconds: 30 },
  '1h': { seconds: 3600, step_seconds: 60 },
  '6h': { seconds: 6 * 3600, step_seconds: 300 },
  '24h': { seconds: 24 * 3600, step_seconds: 900 },
  '7d': { seconds: 7 * 24 * 3600, step_seconds: 3600 },
};

/** `errors_5xx / requests`, 0 when there were none. */
export const errorRate = (requests: number, errors5xx: number): number => (requests > 0 ? errors5xx / requests : 0);

const percentile = z.nullable(z.number().check(z.minimum(0)));

/** What a window and each of its steps count: the requests, and the errors among them. */
const counts = () => ({
  requests: z.int().check(z.minimum(0)),
  errors_4xx: z.int().check(z.minimum(0)),
  errors_5xx: z.int().check(z.minimum(0)),
});
/** And how long they took. */
const latencies = <M extends Mode>(r: Reading<M>) => ({
  p50_ms: r.decided(percentile, null),
  p95_ms: r.decided(percentile, null),
  p99_ms: r.decided(percentile, null),
});

const totals = <M extends Mode>(r: Reading<M>) =>
  z.object({ ...counts(), error_rate: z.number().check(z.minimum(0), z.maximum(1)), ...latencies(r) });
export const [MetricsTotals, readMetricsTotals] = [totals(strict), totals(lenient)];
export type MetricsTotals = z.infer<typeof MetricsTotals>;

const point = <M extends Mode>(r: Reading<M>) =>
  z.object({
    /** The bucket's start. */
    t: r.timestamp,
    ...counts(),
    ...latencies(r),
  });
export const [MetricsPoint, readMetricsPoint] = [point(strict), point(lenient)];
export type MetricsPoint = z.infer<typeof MetricsPoint>;

const serviceMetrics = <M extends Mode>(r: Reading<M>) =>
  z.object({
    window: r.openEnum(MetricsWindow),
    step_seconds: z.int().check(z.minimum(1)),
    from: r.timestamp,
    to: r.timestamp,
    totals: totals(r),
    versions: z.array(
      z.object({
        version: z.int().check(z.minimum(1)),
        totals: totals(r),
        /** Every bucket of the window, oldest first (zeros and null percentiles where there was no traffic). */
        points: z.array(point(r)),
      }),
    ),
  });
export const [ServiceMetrics, readServiceMetrics] = [serviceMetrics(strict), serviceMetrics(lenient)];
export type ServiceMetrics = z.infer<typeof ServiceMetrics>;
export type ServiceMetricsRead = z.output<typeof readServiceMetrics>;

export const MetricsQuery = z.object({
  window: z._default(MetricsWindow, '1h'),
  version: z.optional(z.coerce.number().check(z.int(), z.minimum(1))),
  path: z.optional(z.string().check(z.maxLength(500))),
});
export type MetricsQuery = z.input<typeof MetricsQuery>;

const workspaceMetrics = <M extends Mode>(r: Reading<M>) =>
  z.object({
    window: r.openEnum(MetricsWindow),
    /** The services with traffic in the window. */
    items: z.array(
      z.object({
        service_id: Id,
        totals: totals(r),
        versions: z.array(z.object({ version: z.int().check(z.minimum(1)), totals: totals(r) })),
      }),
    ),
  });
export const [WorkspaceServiceMetrics, readWorkspaceServiceMetrics] = [workspaceMetrics(strict), workspaceMetrics(lenient)];
export type WorkspaceServiceMetrics = z.infer<typeof WorkspaceServiceMetrics>;

/** `?window=1h&service_id=a&service_id=b` (repeatable; at most a page of services). */
export const WorkspaceMetricsQuery = z.object({
  window: z._default(MetricsWindow, '1h'),
  service_id: z.optional(z.union([Id, z.array(Id).check(z.maxLength(100))])),
});
