import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { METRICS_WINDOWS } from '@/contract/metrics';
import { MetricsSearch, metricsView } from './metrics-search';

describe('the Metrics tab’s URL', () => {
  it('takes every window the contract has, and nothing else', () => {
    for (const window of METRICS_WINDOWS) expect(z.parse(MetricsSearch, { window }).window).toBe(window);
    expect(z.parse(MetricsSearch, { window: '2h', latency: 'p42' })).toEqual({ window: undefined, latency: undefined, path: undefined });
  });

  it('takes an endpoint’s path template, and reads a bad one as every endpoint', () => {
    expect(z.parse(MetricsSearch, { path: '/documents/{document_id}/translate' }).path).toBe('/documents/{document_id}/translate');
    for (const path of ['', 'embed', 42, `/${'a'.repeat(500)}`, ['/embed']]) expect(z.parse(MetricsSearch, { path }).path).toBeUndefined();
    expect(z.parse(MetricsSearch, { window: '6h', path: 7 })).toEqual({ window: '6h', latency: undefined, path: undefined });
  });

  it('shows the last hour, p95 and every endpoint when the URL says nothing', () => {
    expect(metricsView(z.parse(MetricsSearch, {}))).toEqual({ window: '1h', latency: 'p95', path: undefined });
    expect(metricsView(z.parse(MetricsSearch, { window: '7d', latency: 'p99', path: '/embed' }))).toEqual({
      window: '7d',
      latency: 'p99',
      path: '/embed',
    });
  });
});
