/**
 * The worker's platform clock (mock-server/core/clock.ts), as the stories move
 * it. Nothing on a worker's mock moves by itself: every time-driven phase lasts
 * `PHASE_MS`, far longer than a story, so a story sees each state for as long
 * as it looks, then moves the clock (`advanceClock`, the mock's test route) to
 * the next. Why each worker has a clock of its own: servers.ts.
 */
import { expect, type APIRequestContext } from '@playwright/test';
import { DEFAULT_REFRESH_TTL_S, DEFAULT_THROTTLE, DEFAULT_TOKEN_TTL_S } from '../../mock-server/auth/rules';

/** How long each phase lasts on a worker's mock: deploy phases, agent instance phases, a job's run (queued a quarter of it first), a drain. */
export const PHASE_MS = 60 * 60 * 1000;
/** A build and deploy's three phases (building, built, deploying) to active; a build alone, or a deploy without one, is one phase. */
export const DEPLOY_MS = 3 * PHASE_MS;
/** An access token's life (the mock's default, which the workers' mocks keep): moving the clock this far expires every one issued before. */
export const TOKEN_TTL_S = DEFAULT_TOKEN_TTL_S;
/** A refresh token's life (the mock's default): past it, a session cannot be refreshed. */
export const REFRESH_TTL_S = DEFAULT_REFRESH_TTL_S;
/** The sign-in throttle's window (the mock's default): the longest an email stays locked after its failures. */
export const SIGN_IN_WINDOW_S = DEFAULT_THROTTLE.windowS;

/**
 * Move the worker's platform clock forward by `ms`, through its test route
 * (`POST /api/v1/__test__/clock`, reached through the console's proxy at the
 * test's baseURL): deploys, jobs, agent instances, drains, token expiry and
 * sign-in windows all move with it.
 */
export async function advanceClock(request: APIRequestContext, ms: number) {
  const res = await request.post('/api/v1/__test__/clock', { data: { advance_ms: ms } });
  expect(res.status(), await res.text()).toBe(200);
}
