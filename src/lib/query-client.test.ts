import { QueryObserver, type QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Organization } from '@/contract/organizations';
import { api, clearThrottling } from './api-client';
import { ApiError, parseRetryAfter } from './api-error';
import { createQueryClient } from './query-client';
import { isThrottled, nextAttemptAt } from './retry';

const tooMany = (seconds: number | null) => new ApiError(429, 'Too many requests. Wait a moment and try again.', [], seconds);

/** A read that fails with each error in turn, then answers `ok`; its calls' times, relative to the start. */
function flakyRead(...failures: Error[]) {
  const start = Date.now();
  const calls: number[] = [];
  const fn = vi.fn(async () => {
    calls.push(Date.now() - start);
    const failure = failures.shift();
    if (failure) throw failure;
    return 'ok';
  });
  return { fn, calls };
}

describe('the query client honours Retry-After', () => {
  let client: QueryClient;
  beforeEach(() => {
    vi.useFakeTimers();
    client = createQueryClient();
  });
  afterEach(() => {
    client.clear();
    clearThrottling();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('waits the 30 s a 429 asks for before retrying, and not a moment less', async () => {
    const read = flakyRead(tooMany(30));
    const result = client.fetchQuery({ queryKey: ['services'], queryFn: read.fn });
    await vi.advanceTimersByTimeAsync(6_000);
    expect(read.calls).toEqual([0]);
    await vi.advanceTimersByTimeAsync(23_999);
    expect(read.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(read.calls).toEqual([0, 30_000]);
    await expect(result).resolves.toBe('ok');
  });

  it('backs off 1 s, then 2 s, when the platform names no wait, then gives up', async () => {
    const read = flakyRead(new ApiError(503, 'down'), new ApiError(503, 'down'), new ApiError(503, 'still down'));
    const result = client.fetchQuery({ queryKey: ['services'], queryFn: read.fn }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(read.calls).toEqual([0, 1_000, 3_000]);
    expect(await result).toMatchObject({ status: 503, message: 'still down' });
  });

  it('keeps the longer of its backoff and the Retry-After', async () => {
    const read = flakyRead(tooMany(1), tooMany(1));
    const result = client.fetchQuery({ queryKey: ['services'], queryFn: read.fn });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(read.calls).toEqual([0, 1_000, 3_000]);
    await expect(result).resolves.toBe('ok');
  });

  it('does not wait out a Retry-After of minutes behind a spinner: the failure is shown at once', async () => {
    const read = flakyRead(tooMany(300));
    const result = client.fetchQuery({ queryKey: ['services'], queryFn: read.fn }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(0);
    expect(await result).toMatchObject({ status: 429, retryAfterSeconds: 300 });
    expect(read.calls).toEqual([0]);
  });

  it('never retries what will not pass (a 404, a 403)', async () => {
    const read = flakyRead(new ApiError(404, 'Not found.'));
    const result = client.fetchQuery({ queryKey: ['service'], queryFn: read.fn }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(read.calls).toEqual([0]);
    expect(await result).toMatchObject({ status: 404 });
  });

  it('tells an observer when the next attempt goes out, for the countdown', async () => {
    const read = flakyRead(tooMany(30));
    const observer = new QueryObserver(client, { queryKey: ['services'], queryFn: read.fn });
    const seen: { failureCount: number; failureReason: Error | null }[] = [];
    const unsubscribe = observer.subscribe((r) => seen.push({ failureCount: r.failureCount, failureReason: r.failureReason }));
    await vi.advanceTimersByTimeAsync(1_000);
    const waiting = observer.getCurrentResult();
    expect(waiting).toMatchObject({ fetchStatus: 'fetching', failureCount: 1 });
    expect(nextAttemptAt(waiting.failureReason as ApiError, waiting.failureCount) - Date.now()).toBe(29_000);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(observer.getCurrentResult()).toMatchObject({ status: 'success', data: 'ok' });
    unsubscribe();
  });

  it('does not refetch a throttled query when the window regains focus, until its wait has passed', async () => {
    const read = flakyRead(tooMany(300), tooMany(300));
    const observer = new QueryObserver(client, { queryKey: ['services'], queryFn: read.fn });
    const unsubscribe = observer.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(observer.getCurrentResult().status).toBe('error');
    expect(isThrottled(observer.getCurrentResult().error)).toBe(true);
    client.getQueryCache().onFocus();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(read.calls).toEqual([0]);
    await vi.advanceTimersByTimeAsync(299_000);
    client.getQueryCache().onFocus();
    await vi.advanceTimersByTimeAsync(0);
    expect(read.calls).toEqual([0, 300_000]);
    unsubscribe();
  });
});

describe('a page that mounts again', () => {
  afterEach(() => {
    clearThrottling();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('does not send a throttled read before its Retry-After, whoever asks', async () => {
    vi.useFakeTimers();
    const client = createQueryClient();
    const fetch = vi.fn(
      async () => new Response(JSON.stringify({ detail: 'Slow down' }), { status: 429, headers: { 'Retry-After': '120' } }),
    );
    vi.stubGlobal('fetch', fetch);
    const options = { queryKey: ['organization'], queryFn: () => api.get('/organization', Organization) };
    const first = new QueryObserver(client, options);
    const leave = first.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(first.getCurrentResult().status).toBe('error');
    leave();

    // The page is left and opened again a minute later: the read is not sent; it waits the minute that is left, then goes.
    await vi.advanceTimersByTimeAsync(60_000);
    const again = new QueryObserver(client, options);
    const unsubscribe = again.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(again.getCurrentResult()).toMatchObject({ fetchStatus: 'fetching', failureReason: { status: 429, retryAfterSeconds: 60 } });
    await vi.advanceTimersByTimeAsync(59_999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    unsubscribe();
    client.clear();
  });
});

describe('Retry-After', () => {
  it('reads seconds or an HTTP date, and ignores what is absent, past or malformed', () => {
    const now = Date.parse('2026-05-01T12:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('Fri, 01 May 2026 12:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('Fri, 01 May 2026 11:00:00 GMT', now)).toBeNull();
    expect(parseRetryAfter('0', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
