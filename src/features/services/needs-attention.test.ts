import { describe, expect, it } from 'vitest';
import type { MetricsTotals } from '@/contract/metrics';
import { needingAttention } from './needs-attention';

const totals = (requests: number, errors5xx: number): MetricsTotals => ({
  requests,
  errors_4xx: 3,
  errors_5xx: errors5xx,
  error_rate: requests ? errors5xx / requests : 0,
  p50_ms: null,
  p95_ms: null,
  p99_ms: null,
});
const item = (id: string, ...versions: [number, number][]) => ({
  service_id: id,
  totals: totals(
    versions.reduce((n, [r]) => n + r, 0),
    versions.reduce((n, [, e]) => n + e, 0),
  ),
  versions: versions.map(([r, e], i) => ({ version: i + 1, totals: totals(r, e) })),
});

describe('Needs attention', () => {
  it('lists the services whose versions had server errors, most first; 4xx alone is not a reason', () => {
    const metrics = {
      window: '1h' as const,
      items: [item('calm', [500, 0]), item('canary', [900, 1], [100, 9]), item('broken', [20, 20]), item('refused-only', [50, 0])],
    };
    expect(needingAttention(metrics)).toEqual([
      { serviceId: 'broken', errors5xx: 20 },
      { serviceId: 'canary', errors5xx: 10 },
    ]);
  });
});
