import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Organization } from '@/contract/organizations';
import { api, clearThrottling, setUnauthenticatedHandler } from './api-client';
import { clearSession, getSession, setSession } from './session';

const ACME = { id: '0f6f2d6e-0000-4000-8000-000000000001', name: 'Acme Corp', slug: 'acme-corp', created_at: '2026-01-01T00:00:00Z' };
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const tokens = (access: string, refresh: string) => ({
  access_token: access,
  refresh_token: refresh,
  token_type: 'bearer' as const,
  expires_in: 900,
});

type Held = { url: string; auth: string | null; answer: (res: Response) => void };

/**
 * A platform whose refresh tokens rotate (each works once) and where only the
 * latest access token is good. Nothing happens on its own time: a request with
 * a stale token and the first refresh wait until the test answers them, so the
 * test decides the order. A request with the good token is answered at once,
 * and so is any refresh after the first (a second refresh is the defect: it
 * is counted, not left hanging).
 */
function controlledPlatform() {
  let good = 'access-1';
  let liveRefresh = 'refresh-1';
  let issued = 1;
  const refreshes: string[] = [];
  const held: Held[] = [];
  const calls: { url: string; auth: string | null }[] = [];
  const waiters: { test: () => boolean; resolve: () => void }[] = [];
  const wake = () => {
    for (const w of [...waiters])
      if (w.test()) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
  };
  const until = (test: () => boolean) => (test() ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ test, resolve })));

  const rotate = (refreshToken: string): Response => {
    if (refreshToken !== liveRefresh) return json(401, { detail: 'Refresh token revoked' });
    issued += 1;
    good = `access-${issued}`;
    liveRefresh = `refresh-${issued}`;
    return json(200, tokens(good, liveRefresh));
  };

  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      const auth = new Headers(init.headers).get('Authorization');
      calls.push({ url, auth });
      if (url.endsWith('/auth/refresh')) {
        const { refresh_token } = JSON.parse(String(init.body)) as { refresh_token: string };
        refreshes.push(refresh_token);
        if (refreshes.length > 1) return Promise.resolve(rotate(refresh_token));
        return new Promise<Response>((resolve) => {
          held.push({ url, auth, answer: resolve });
          wake();
        });
      }
      if (auth === `Bearer ${good}`) return Promise.resolve(json(200, ACME));
      return new Promise<Response>((resolve) => {
        held.push({ url, auth, answer: resolve });
        wake();
      });
    }),
  );

  const take = (suffix: string): Held => {
    const i = held.findIndex((h) => h.url.endsWith(suffix));
    return held.splice(i, 1)[0]!;
  };
  return {
    calls,
    refreshes,
    /** Wait until these requests have reached the platform and are held there. */
    arrived: (paths: string[]) => until(() => paths.every((p) => held.some((h) => h.url.endsWith(p)))),
    /** The platform refuses these held requests (their token is no longer good), in this order. */
    fail401: (paths: string[]) => paths.forEach((p) => take(p).answer(json(401, { detail: 'Token expired' }))),
    refreshArrived: () => until(() => held.some((h) => h.url.endsWith('/auth/refresh'))),
    answerRefresh: () => {
      const h = take('/auth/refresh');
      h.answer(rotate(refreshes[0]!));
    },
  };
}

const pathsOf = (n: number) => Array.from({ length: n }, (_, i) => `/r${i}`);

/**
 * How the 401s interleave with the one refresh: `before` fail before the
 * refresh has started, `during` while it is in flight, `after` once it has
 * finished and its requests have carried on. Each group fails in the order
 * given, so the orders differ from the order the requests were sent in.
 */
type Interleaving = {
  name: string;
  before: (p: string[]) => string[];
  during: (p: string[]) => string[];
  after: (p: string[]) => string[];
};
const interleavings: Interleaving[] = [
  { name: 'all fail before the refresh starts', before: (p) => p, during: () => [], after: () => [] },
  { name: 'all fail before the refresh starts, in reverse order', before: (p) => [...p].reverse(), during: () => [], after: () => [] },
  { name: 'one fails first, the rest while it refreshes', before: (p) => p.slice(-1), during: (p) => p.slice(0, -1), after: () => [] },
  {
    name: 'one fails first, the rest after the refresh finished',
    before: (p) => p.slice(0, 1),
    during: () => [],
    after: (p) => p.slice(1).reverse(),
  },
  {
    name: 'some before, some while refreshing, some after it finished',
    before: (p) => p.filter((_, i) => i % 3 === 1),
    during: (p) => p.filter((_, i) => i % 3 === 2).reverse(),
    after: (p) => p.filter((_, i) => i % 3 === 0),
  },
];

describe('concurrent 401s share one refresh', () => {
  beforeEach(() => setSession(tokens('expired', 'refresh-1')));
  afterEach(() => {
    vi.unstubAllGlobals();
    clearThrottling();
    clearSession();
    setUnauthenticatedHandler(() => {});
  });

  for (const n of [2, 10]) {
    for (const order of interleavings) {
      it(`${n} requests — ${order.name}: one refresh, every request succeeds with the new token`, async () => {
        const signedOut = vi.fn();
        setUnauthenticatedHandler(signedOut);
        const platform = controlledPlatform();
        const paths = pathsOf(n);
        const before = order.before(paths);
        const during = order.during(paths);
        const after = order.after(paths);
        expect([...before, ...during, ...after].sort()).toEqual([...paths].sort());

        const results = paths.map((p) => api.get(p, Organization));
        await platform.arrived(paths);

        platform.fail401(before);
        await platform.refreshArrived();
        platform.fail401(during);
        platform.answerRefresh();
        // The requests that were waiting on the refresh carry on and succeed before the late 401s come in.
        await Promise.all(paths.filter((p) => !after.includes(p)).map((p) => results[paths.indexOf(p)]));
        platform.fail401(after);

        expect(await Promise.all(results)).toEqual(paths.map(() => ACME));
        expect(platform.refreshes).toEqual(['refresh-1']);
        expect(signedOut).not.toHaveBeenCalled();
        expect(getSession()).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2' });
        // Each request went out twice: once with the expired token, once with the new one.
        for (const p of paths) {
          expect(platform.calls.filter((c) => c.url.endsWith(p)).map((c) => c.auth)).toEqual(['Bearer expired', 'Bearer access-2']);
        }
      });
    }
  }
});
