import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Organization } from '@/contract/organizations';
import { api, clearThrottling, setUnauthenticatedHandler } from './api-client';
import { ApiError } from './api-error';
import { clearSession, getSession, setSession } from './session';

const ACME = { id: '0f6f2d6e-0000-4000-8000-000000000001', name: 'Acme Corp', slug: 'acme-corp', created_at: '2026-01-01T00:00:00Z' };
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const tokens = (access: string, refresh: string | null = 'refresh-2') => ({
  access_token: access,
  refresh_token: refresh,
  token_type: 'bearer' as const,
  expires_in: 900,
});

/**
 * A platform whose access token `good` works, and whose refresh answers with `refreshWith` once
 * `concurrent` requests have had their 401: the refresh is still on its way while each of them does.
 */
function fakePlatform(refreshWith: () => Response, concurrent = 1) {
  const calls: { url: string; auth: string | null }[] = [];
  let refused = 0;
  let allRefused!: () => void;
  const everyOneRefused = new Promise<void>((resolve) => (allRefused = resolve));
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    const auth = new Headers(init.headers).get('Authorization');
    calls.push({ url, auth });
    if (url.endsWith('/auth/refresh')) {
      await everyOneRefused;
      return refreshWith();
    }
    if (auth === 'Bearer good') return json(200, ACME);
    if (++refused === concurrent) allRefused();
    return json(401, { detail: 'Token expired' });
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

describe('the API client', () => {
  beforeEach(() => setSession(tokens('expired', 'refresh-1')));
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
    clearThrottling();
    clearSession();
    setUnauthenticatedHandler(() => {});
  });

  it('attaches the bearer token and parses the answer with the schema', async () => {
    setSession(tokens('good'));
    const calls = fakePlatform(() => json(500, {}));
    expect(await api.get('/things', Organization)).toEqual(ACME);
    expect(calls).toEqual([{ url: '/api/v1/things', auth: 'Bearer good' }]);
  });

  it('takes an answer the page sent for early, but none after a write: what was read early may have changed', async () => {
    // The early answers' clock, still in the first seconds of the page.
    vi.useFakeTimers({ toFake: ['performance'] });
    setSession(tokens('good'));
    const calls = fakePlatform(() => json(500, {}));
    const early = () => ({ at: performance.now(), response: Promise.resolve(json(200, { ...ACME, name: 'Read early' })) });
    globalThis.__hsEarlyResponses = new Map([
      ['/api/v1/organizations/one', early()],
      ['/api/v1/organizations/two', early()],
    ]);
    expect((await api.get('/organizations/one', Organization)).name).toBe('Read early');
    await api.post('/organizations', Organization, { body: {} });
    expect((await api.get('/organizations/two', Organization)).name).toBe('Acme Corp');
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/organizations', '/api/v1/organizations/two']);
    globalThis.__hsEarlyResponses = undefined;
  });

  it('reads a write’s answer with the schema it names, or not at all when it says the answer is ignored', async () => {
    setSession(tokens('good'));
    const fetch = vi.fn(async (_url: string, init: RequestInit) =>
      init.method === 'PUT' ? new Response('not json at all', { status: 200 }) : json(201, ACME),
    );
    vi.stubGlobal('fetch', fetch);
    expect(await api.post('/things', Organization, { body: {} })).toEqual(ACME);
    await expect(api.put('/things/1', { body: { name: 'x' }, answer: 'ignored' })).resolves.toBeUndefined();
    expect(fetch.mock.calls[1]![1]).toMatchObject({ method: 'PUT', body: '{"name":"x"}' });
  });

  it('refreshes once for concurrent 401s, then retries each request with the new token', async () => {
    const calls = fakePlatform(() => json(200, tokens('good')), 3);
    const results = await Promise.all([api.get('/a', Organization), api.get('/b', Organization), api.get('/c', Organization)]);
    expect(results).toEqual([ACME, ACME, ACME]);
    expect(calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1);
    expect(
      calls
        .filter((c) => c.auth === 'Bearer good')
        .map((c) => c.url)
        .sort(),
    ).toEqual(['/api/v1/a', '/api/v1/b', '/api/v1/c']);
    expect(getSession()).toMatchObject({ accessToken: 'good', refreshToken: 'refresh-2' });
  });

  it('signs out when the refresh fails: the session is erased and the app is told', async () => {
    const signedOut = vi.fn();
    setUnauthenticatedHandler(signedOut);
    const calls = fakePlatform(() => json(401, { detail: 'Refresh token revoked' }), 2);
    const results = await Promise.allSettled([api.get('/a', Organization), api.get('/b', Organization)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    const error = (results[0] as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401 });
    expect(calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1);
    expect(getSession()).toBeNull();
    expect(signedOut).toHaveBeenCalled();
  });

  it('keeps the session when the refresh gets no answer (the network, or the page left meanwhile): the request fails as retryable', async () => {
    const signedOut = vi.fn();
    setUnauthenticatedHandler(signedOut);
    fakePlatform(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = await api.get('/a', Organization).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, retryable: true });
    expect(getSession()).toMatchObject({ accessToken: 'expired', refreshToken: 'refresh-1' });
    expect(signedOut).not.toHaveBeenCalled();
  });

  it('says so when the platform answers something the contract does not describe', async () => {
    setSession(tokens('good'));
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(200, { ...ACME, id: 'not-a-uuid' })),
    );
    await expect(api.get('/things', Organization)).rejects.toThrow(/Unexpected response from GET \/things/);
  });

  it('turns a network failure into a retryable error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('fetch failed'))),
    );
    const error = await api.get('/things', Organization).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, retryable: true });
  });

  it('sends nothing again before a 429’s Retry-After: the same request fails at once with the wait that is left', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-05-01T12:00:00Z') });
    setSession(tokens('good'));
    const fetch = vi.fn(
      async () => new Response(JSON.stringify({ detail: 'Slow down' }), { status: 429, headers: { 'Retry-After': '30' } }),
    );
    vi.stubGlobal('fetch', fetch);
    await expect(api.get('/things', Organization)).rejects.toMatchObject({ status: 429, retryAfterSeconds: 30 });

    vi.advanceTimersByTime(12_000);
    await expect(api.get('/things', Organization)).rejects.toMatchObject({ status: 429, retryAfterSeconds: 18, message: 'Slow down' });
    expect(fetch).toHaveBeenCalledTimes(1);
    // Another request is not held back.
    await expect(api.get('/other', Organization)).rejects.toMatchObject({ status: 429 });
    expect(fetch).toHaveBeenCalledTimes(2);

    vi.advanceTimersByTime(18_000);
    fetch.mockImplementation(async () => json(200, ACME));
    await expect(api.get('/things', Organization)).resolves.toEqual(ACME);
    expect(fetch).toHaveBeenCalledTimes(3);
  });
});
