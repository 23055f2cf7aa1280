import { describe, expect, it } from 'vitest';
import type { MetricsPoint, MetricsTotals, ServiceMetricsRead } from '@/contract/metrics';
import { chartData, errorComparison, formatMeasure } from './metrics-series';

const totals = (requests: number, errors5xx: number, p95: number | null = 100): MetricsTotals => ({
  requests,
  errors_4xx: 0,
  errors_5xx: errors5xx,
  error_rate: requests ? errors5xx / requests : 0,
  p50_ms: p95 && p95 / 2,
  p95_ms: p95,
  p99_ms: p95 && p95 * 1.5,
});
const point = (minute: number, requests: number, errors5xx = 0, p95: number | null = requests ? 100 : null): MetricsPoint => ({
  t: `2025-01-01T12:0${minute}:00Z`,
  requests,
  errors_4xx: 0,
  errors_5xx: errors5xx,
  p50_ms: p95 && p95 / 2,
  p95_ms: p95,
  p99_ms: p95 && p95 * 1.5,
});
const metrics = (versions: ServiceMetricsRead['versions']): ServiceMetricsRead => ({
  window: '15m',
  step_seconds: 60,
  from: '2025-01-01T12:00:00Z',
  to: '2025-01-01T12:03:00Z',
  totals: totals(0, 0),
  versions,
});

const T0 = Date.parse('2025-01-01T12:00:00Z') / 1000;

describe('the lines of a chart', () => {
  const m = metrics([
    { version: 1, totals: totals(30, 1), points: [point(0, 10), point(1, 10, 1), point(2, 10)] },
    // v2 missed the first bucket (a platform that leaves it out) and had no traffic in the last.
    { version: 2, totals: totals(8, 2), points: [point(1, 8, 2, 300), point(2, 0)] },
  ]);
  const tones = new Map([
    [2, 'active' as const],
    [1, 'draining-0' as const],
  ]);

  it('puts every version on one time axis, newest version first, in its Traffic-tab colour', () => {
    const data = chartData(m, 'requests', tones);
    expect(data.times).toEqual([T0, T0 + 60, T0 + 120]);
    expect(data.lines).toEqual([
      { version: 2, tone: 'active', values: [0, 8, 0] },
      { version: 1, tone: 'draining-0', values: [10, 10, 10] },
    ]);
  });

  it('breaks the error rate where a version had no requests, rather than drawing 0%', () => {
    expect(chartData(m, 'error_rate', tones).lines.map((l) => l.values)).toEqual([
      [null, 0.25, null],
      [0, 0.1, 0],
    ]);
  });

  it('plots a percentile as measured, null where nothing was', () => {
    expect(chartData(m, 'p95_ms', tones).lines[0]!.values).toEqual([null, 300, null]);
  });

  it('gives a version with no colour of its own a grey', () => {
    expect(chartData(m, 'requests', new Map()).lines.map((l) => l.tone)).toEqual(['retired-0', 'retired-0']);
  });
});

describe('the numbers in words', () => {
  it('compares the versions that had requests, newest first', () => {
    expect(
      errorComparison(
        metrics([
          { version: 1, totals: totals(1000, 2), points: [] },
          { version: 2, totals: totals(1000, 41), points: [] },
          { version: 3, totals: totals(0, 0, null), points: [] },
        ]),
      ),
    ).toBe('v2: 4.1% errors vs v1: 0.2%');
    expect(errorComparison(metrics([{ version: 1, totals: totals(0, 0, null), points: [] }]))).toBeNull();
  });

  it('says each measure in its unit', () => {
    expect(formatMeasure('requests', 1204)).toBe('1,204');
    expect(formatMeasure('error_rate', 0.041)).toBe('4.1%');
    expect(formatMeasure('p95_ms', 120.2)).toBe('120 ms');
    expect(formatMeasure('p99_ms', null)).toBe('—');
  });
});
