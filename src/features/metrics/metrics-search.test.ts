import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { METRICS_WINDOWS } from '@/contract/metrics';
import { MetricsSearch, metricsView } from './metrics-search';

describe('the Metrics tab’s URL', () => {
  it('takes every window the contract has, and nothing else', () => {
    for (const window of METRICS_WINDOWS) expect(z.parse(MetricsSearch, { window }).window).toBe(window);
    expect(z.parse(MetricsSearch, { window: '2h', latency: 'p42' })).toEqual({ window: undefined, latency: undefined });
  });

  it('shows the last hour and p95 when the URL says nothing', () => {
    expect(metricsView(z.parse(MetricsSearch, {}))).toEqual({ window: '1h', latency: 'p95' });
    expect(metricsView(z.parse(MetricsSearch, { window: '7d', latency: 'p99' }))).toEqual({ window: '7d', latency: 'p99' });
  });
});
