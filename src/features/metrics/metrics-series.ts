import { errorRate, type MetricsPoint, type ServiceMetricsRead } from '@/contract/metrics';
import { formatCount, formatRate } from '@/lib/format';
import { formatMs } from '@/lib/format-latency';
import type { VersionTone } from '@/lib/version-tones';

/** What a chart plots: requests per bucket, the 5xx error rate, or a latency percentile. */
export type Measure = 'requests' | 'error_rate' | 'p50_ms' | 'p95_ms' | 'p99_ms';
export type { Percentile } from './metrics-search';

/** One line: a version, its colour, and a value per bucket (null where there is nothing to say). */
export type Line = { version: number; tone: VersionTone; values: (number | null)[] };
/** The buckets' starts (epoch seconds, oldest first) and a line per version, newest version first. */
export type ChartData = { times: number[]; lines: Line[] };

const valueOf = (point: MetricsPoint, measure: Measure): number | null => {
  if (measure === 'requests') return point.requests;
  // A rate of no requests is not 0%: the line breaks there.
  if (measure === 'error_rate') return point.requests > 0 ? errorRate(point.requests, point.errors_5xx) : null;
  return point[measure];
};

const epochSeconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

/**
 * The lines of one chart. Every version's buckets are put on one time axis
 * (the platform sends every bucket of the window for each version, but a
 * version that missed one still lines up: its value there is null).
 */
export function chartData(metrics: ServiceMetricsRead, measure: Measure, tones: ReadonlyMap<number, VersionTone>): ChartData {
  const times = [...new Set(metrics.versions.flatMap((v) => v.points.map((p) => epochSeconds(p.t))))].sort((a, b) => a - b);
  const index = new Map(times.map((t, i) => [t, i]));
  const lines = [...metrics.versions]
    .sort((a, b) => b.version - a.version)
    .map((v) => {
      const values: (number | null)[] = times.map(() => (measure === 'requests' ? 0 : null));
      for (const p of v.points) values[index.get(epochSeconds(p.t))!] = valueOf(p, measure);
      return { version: v.version, tone: tones.get(v.version) ?? 'retired-0', values };
    });
  return { times, lines };
}

/** A value of a measure in words: "1,204", "4.1%", "120 ms"; none is "—". */
export function formatMeasure(measure: Measure, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (measure === 'requests') return formatCount(value);
  if (measure === 'error_rate') return formatRate(value);
  return formatMs(value);
}

/** The versions that had requests in the window, newest first. */
export const activeVersions = (metrics: ServiceMetricsRead) =>
  [...metrics.versions].filter((v) => v.totals.requests > 0).sort((a, b) => b.version - a.version);

/**
 * The versions side by side, newest first: "v2: 4.1% errors vs v1: 0.2%".
 * Only versions that had requests; null when none had.
 */
export function errorComparison(metrics: ServiceMetricsRead): string | null {
  const versions = activeVersions(metrics);
  if (versions.length === 0) return null;
  const [first, ...rest] = versions.map((v) => `v${v.version}: ${formatRate(v.totals.error_rate)}`);
  return [`${first} errors`, ...rest].join(' vs ');
}
