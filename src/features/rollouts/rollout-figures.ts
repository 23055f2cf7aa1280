/**
 * The live analysis of a step so far, from the request metrics (CONTRACT §12):
 * the canary's and the baseline's requests, 5xx rate and p95 since the step
 * began, read from the metrics' buckets — the same figures the Metrics tab
 * draws, so the page can show the comparison between the platform's decisions.
 *
 * Buckets are whole intervals (30 s in the last 15 minutes): the one the step
 * began in counts whole, and a bucket's p95 cannot be merged with another's, so
 * the p95 shown is the slowest interval's — never lower than the step's own.
 * The platform's analysis counts each request; its decisions say what it measured.
 */
import { WINDOW_SPECS, errorRate, type MetricsWindow, type ServiceMetricsRead } from '@/contract/metrics';
import type { RolloutAnalysis } from '@/contract/rollouts';
import { serverNow } from '@/lib/server-clock';

export type StepFigures = { requests: number; errors_5xx: number; error_rate: number; p95_ms: number | null };

/** The smallest window that holds the step since it began (its buckets are the finest). */
export function windowFor(stepStartedAt: string, now = serverNow()): MetricsWindow {
  const age = (now - Date.parse(stepStartedAt)) / 1000;
  const fits = (['15m', '1h', '6h', '24h'] as const).find((w) => age < WINDOW_SPECS[w].seconds - WINDOW_SPECS[w].step_seconds);
  return fits ?? '7d';
}

/** A version's figures over the buckets that overlap the step (from `since`); null when the metrics do not have the version. */
export function stepFigures(metrics: ServiceMetricsRead, version: number, since: string): StepFigures | null {
  const series = metrics.versions.find((v) => v.version === version);
  if (!series) return null;
  const from = Date.parse(since);
  const stepMs = metrics.step_seconds * 1000;
  const points = series.points.filter((p) => Date.parse(p.t) + stepMs > from);
  const requests = points.reduce((n, p) => n + p.requests, 0);
  const errors5xx = points.reduce((n, p) => n + p.errors_5xx, 0);
  const p95s = points.filter((p) => p.requests > 0 && p.p95_ms !== null).map((p) => p.p95_ms!);
  return { requests, errors_5xx: errors5xx, error_rate: errorRate(requests, errors5xx), p95_ms: p95s.length ? Math.max(...p95s) : null };
}

/** Which limits the canary is over, as the analysis would read them once it has `min_requests`. */
export function overLimits(f: StepFigures, a: RolloutAnalysis): { errors: boolean; p95: boolean } {
  return {
    errors: f.requests > 0 && f.error_rate > a.max_error_rate,
    p95: a.max_p95_ms !== null && f.p95_ms !== null && f.p95_ms > a.max_p95_ms,
  };
}
