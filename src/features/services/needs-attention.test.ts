import { describe, expect, it } from 'vitest';
import type { MetricsTotals } from '@/contract/metrics';
import type { RolloutEventRead, RolloutRead } from '@/contract/rollouts';
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

const NOW = Date.parse('2025-06-01T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW - h * 3600_000).toISOString();
const event = (kind: RolloutEventRead['kind'], over: Partial<RolloutEventRead> = {}): RolloutEventRead => ({
  at: hoursAgo(1),
  kind,
  step_index: 1,
  percent: 50,
  by: 'analysis',
  reason: null,
  measured: null,
  ...over,
});
const rollout = (status: RolloutRead['status'], events: RolloutEventRead[], finishedHoursAgo: number | null = null): RolloutRead => ({
  id: crypto.randomUUID(),
  service_id: 'x',
  version_id: 'v3',
  baseline_version_id: 'v2',
  status,
  step_index: 1,
  steps: [],
  analysis: null,
  step_started_at: hoursAgo(2),
  next_step_at: null,
  created_by: 'developer@example.com',
  created_at: hoursAgo(30),
  finished_at: finishedHoursAgo === null ? null : hoursAgo(finishedHoursAgo),
  events,
});

describe('Needs attention', () => {
  it('lists the services whose versions had server errors, most first; 4xx alone is not a reason', () => {
    const metrics = {
      window: '1h' as const,
      items: [item('calm', [500, 0]), item('canary', [900, 1], [100, 9]), item('broken', [20, 20]), item('refused-only', [50, 0])],
    };
    expect(needingAttention({ metrics, rollouts: null, services: [] }, NOW)).toEqual([
      { serviceId: 'broken', errors5xx: 20, reasons: ['20 server errors (5xx) in the last hour'], urgent: false, at: null },
      { serviceId: 'canary', errors5xx: 10, reasons: ['10 server errors (5xx) in the last hour'], urgent: false, at: null },
    ]);
  });

  it('puts first a rollout aborted in the last day or paused by its analysis, and a failed deploy, the latest first; not one that is fine', () => {
    const rollouts = {
      items: [
        {
          service_id: 'aborted',
          rollout: rollout('aborted', [event('aborted', { at: hoursAgo(2), reason: '7.9% errors over 412 requests, limit 5%' })], 2),
        },
        { service_id: 'aborted-long-ago', rollout: rollout('aborted', [event('aborted')], 25) },
        {
          service_id: 'inconclusive',
          rollout: rollout('paused', [event('inconclusive', { at: hoursAgo(3), reason: '3 of the 20 requests needed' })]),
        },
        { service_id: 'paused-by-hand', rollout: rollout('paused', [event('paused', { by: 'developer@example.com' })]) },
        { service_id: 'running', rollout: rollout('running', []) },
        { service_id: 'succeeded', rollout: rollout('succeeded', [event('succeeded')], 1) },
      ],
    };
    const services = [
      { id: 'deploy-failed', deployment_state: 'failed' as const, updated_at: hoursAgo(1) },
      { id: 'deployed', deployment_state: 'active' as const, updated_at: hoursAgo(0.5) },
    ];
    const metrics = { window: '1h' as const, items: [item('aborted', [10, 3]), item('noisy', [100, 50])] };
    expect(needingAttention({ metrics, rollouts, services }, NOW).map((f) => [f.serviceId, f.reasons])).toEqual([
      ['deploy-failed', ['Its last deploy failed']],
      ['aborted', ['Rollout aborted at step 2: 7.9% errors over 412 requests, limit 5%', '3 server errors (5xx) in the last hour']],
      ['inconclusive', ['Rollout paused at step 2, inconclusive: 3 of the 20 requests needed']],
      ['noisy', ['50 server errors (5xx) in the last hour']],
    ]);
  });
});
