import type { MetricsWindow } from '@/contract/metrics';
import type { Percentile } from './metrics-search';

/** The window picker's choices, as people say them. */
export const WINDOW_CHOICES: readonly { value: MetricsWindow; label: string }[] = [
  { value: '15m', label: '15 min' },
  { value: '1h', label: '1 h' },
  { value: '6h', label: '6 h' },
  { value: '24h', label: '24 h' },
  { value: '7d', label: '7 days' },
];

/** A window and its bucket in words: "the last hour" and "minute". */
export const WINDOW_WORDS: Record<MetricsWindow, { span: string; bucket: string }> = {
  '15m': { span: 'the last 15 minutes', bucket: '30 seconds' },
  '1h': { span: 'the last hour', bucket: 'minute' },
  '6h': { span: 'the last 6 hours', bucket: '5 minutes' },
  '24h': { span: 'the last 24 hours', bucket: '15 minutes' },
  '7d': { span: 'the last 7 days', bucket: 'hour' },
};

export const PERCENTILE_CHOICES: readonly { value: Percentile; label: string }[] = [
  { value: 'p50', label: 'p50' },
  { value: 'p95', label: 'p95' },
  { value: 'p99', label: 'p99' },
];
