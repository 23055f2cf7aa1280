// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { forgetRuns, KEPT_PARAMS_MAX_CHARS, RECENT_RUNS_MAX, recentRuns, rememberRun } from './recent-runs';

const run = (n: number, params: Record<string, unknown> | null = { query: `SELECT ${n}` }) => ({
  operation_id: 'read_query',
  operation_name: 'Read query',
  params,
  outcome: 'succeeded' as const,
  summary: `${n} rows`,
  row_count: n,
  duration_ms: 1.5,
});

describe('recent runs, kept for the session', () => {
  beforeEach(() => sessionStorage.clear());

  it('keeps the last few runs of an instance, newest first, in sessionStorage — never in localStorage', () => {
    for (let n = 1; n <= RECENT_RUNS_MAX + 2; n++) rememberRun('instance-a', run(n));
    const runs = recentRuns('instance-a');
    expect(runs.map((r) => r.row_count)).toEqual([7, 6, 5, 4, 3]);
    expect(recentRuns('instance-b')).toEqual([]);
    expect(localStorage.length).toBe(0);
    forgetRuns('instance-a');
    expect(recentRuns('instance-a')).toEqual([]);
  });

  it('keeps no rows, and no params too large to keep', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ email: `user${i}@example.com` }));
    expect(JSON.stringify({ rows }).length).toBeGreaterThan(KEPT_PARAMS_MAX_CHARS);
    const [kept] = rememberRun('instance-a', { ...run(1), params: { table: 'users', rows }, summary: 'Queued as a job', outcome: 'job' });
    expect(kept!.params).toBeNull();
    expect(Object.keys(kept!)).not.toContain('rows');
  });

  it('reads what it can of a tampered store', () => {
    sessionStorage.setItem('hs.connector-runs.instance-a', JSON.stringify([{ nonsense: true }, { ...run(2), id: 'x', at: 'now' }]));
    expect(recentRuns('instance-a').map((r) => r.id)).toEqual(['x']);
    sessionStorage.setItem('hs.connector-runs.instance-a', '{not json');
    expect(recentRuns('instance-a')).toEqual([]);
  });
});
