/**
 * @vitest-environment jsdom
 * TanStack Query runs no interval timers where there is no window (its server mode): poll in a browser's environment.
 */
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jobsBatchQueryOptions } from './get-jobs-batch';
import { jobQueryOptions } from './get-job';
import { learnServerTime, serverNow } from '@/lib/server-clock';
import { JOB_POLL_MAX_MS, JOB_POLL_MIN_MS, jobPollInterval } from './job-polling';

const scope = { orgId: 'org', workspaceId: 'ws' };
const NOW = Date.parse('2026-01-01T00:00:00Z');

const job = (id: string, status: string, submittedAt = new Date(NOW).toISOString()) => ({
  id,
  status,
  submitted_at: submittedAt,
  started_at: null,
  finished_at: status === 'running' || status === 'queued' ? null : submittedAt,
  result: null,
  error: null,
});

/** The platform answers each poll with the next status in `statuses` (the last one from then on). */
function platformAnswering(body: (call: number) => unknown) {
  let calls = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(body(calls++)), { status: 200, headers: { 'Content-Type': 'application/json' } })),
  );
  return () => calls;
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('job polling', () => {
  it('asks about every second just after a submit, backing off with age, and never once every job has finished', () => {
    // Once this browser has watched them for long, the platform's age of the job decides.
    const watchedLong = (jobs: Parameters<typeof jobPollInterval>[0]) => (jobPollInterval(jobs, NOW, 0), jobPollInterval(jobs, NOW, 1e9));
    expect(watchedLong([{ status: 'running', submitted_at: new Date(NOW).toISOString() }])).toBe(JOB_POLL_MIN_MS);
    expect(watchedLong([{ status: 'queued', submitted_at: new Date(NOW - 20_000).toISOString() }])).toBe(5000);
    expect(watchedLong([{ status: 'running', submitted_at: new Date(NOW - 600_000).toISOString() }])).toBe(JOB_POLL_MAX_MS);
    expect(
      jobPollInterval(
        [
          { status: 'succeeded', submitted_at: new Date(NOW).toISOString() },
          { status: 'cancelled', submitted_at: new Date(NOW).toISOString() },
        ],
        NOW,
      ),
    ).toBe(false);
    expect(jobPollInterval(undefined, NOW)).toBe(false);
  });

  it('polls one job while it runs and stops when it finishes (a real QueryClient)', async () => {
    vi.useFakeTimers({ now: NOW });
    const statuses = ['queued', 'running', 'succeeded'];
    const calls = platformAnswering((n) => job('j1', statuses[Math.min(n, statuses.length - 1)]!));
    const client = new QueryClient();
    const observer = new QueryObserver(client, jobQueryOptions(scope, 'svc', 'j1'));
    const unsubscribe = observer.subscribe(() => {});

    await vi.advanceTimersByTimeAsync(0);
    expect(calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(JOB_POLL_MIN_MS);
    expect(calls()).toBe(2);
    await vi.advanceTimersByTimeAsync(JOB_POLL_MIN_MS);
    expect(calls()).toBe(3);
    expect(observer.getCurrentResult().data?.status).toBe('succeeded');

    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls()).toBe(3);
    unsubscribe();
    client.clear();
  });

  it('refreshes the Jobs panel with one batch call while any job runs, and stops once all have finished', async () => {
    vi.useFakeTimers({ now: NOW });
    const calls = platformAnswering((n) => ({
      jobs: [
        { job_id: 'a', job: job('a', 'succeeded'), detail: null },
        { job_id: 'b', job: job('b', n < 2 ? 'running' : 'failed'), detail: null },
        { job_id: 'gone', job: null, detail: 'Job not found' },
      ],
    }));
    const client = new QueryClient();
    const observer = new QueryObserver(client, jobsBatchQueryOptions(scope, 'svc', ['a', 'b', 'gone']));
    const unsubscribe = observer.subscribe(() => {});

    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(JOB_POLL_MIN_MS);
    await vi.advanceTimersByTimeAsync(JOB_POLL_MIN_MS);
    expect(calls()).toBe(3);
    expect(observer.getCurrentResult().data?.map((e) => e.job?.status ?? e.detail)).toEqual(['succeeded', 'failed', 'Job not found']);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls()).toBe(3);
    const [, init] = vi.mocked(fetch).mock.calls[0]!;
    expect(JSON.parse(String(init?.body))).toEqual({ job_ids: ['a', 'b', 'gone'] });
    unsubscribe();
    client.clear();
  });
});

describe("job polling on the platform's clock", () => {
  it("polls a job this browser has only just seen about every second, though the platform's clock says it is an hour old (the clock jumped)", () => {
    const jumped = [{ status: 'running', submitted_at: new Date(NOW - 3_600_000).toISOString() }];
    expect(jobPollInterval(jumped, NOW, 7_000_000)).toBe(JOB_POLL_MIN_MS);
    expect(jobPollInterval(jumped, NOW, 7_020_000)).toBe(5000);
  });

  afterEach(() => learnServerTime(new Date().toUTCString()));

  it("polls a job the platform has just taken about every second, though the browser's clock runs ten minutes ahead", () => {
    learnServerTime(new Date(Date.now() - 10 * 60_000).toUTCString());
    const submitted_at = new Date(serverNow()).toISOString();
    expect(jobPollInterval([{ status: 'running', submitted_at }])).toBe(JOB_POLL_MIN_MS);
  });
});
