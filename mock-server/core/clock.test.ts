// @vitest-environment node
/**
 * The platform's one clock (clock.ts): the test route that moves it, and the
 * time-driven behaviours moving with it — no test here waits for real time.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Job } from '../../src/contract/invoke';
import { Clock } from './clock';
import { demoId } from './seed-ids';
import { API, DEMO_USERS, gatewayPath as gw, listVersions, newService, SERVICES, setup } from '../test-helpers';

const CLOCK = `${API}/__test__/clock`;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FRAUD = demoId(1004);
const SENTIMENT = demoId(1005);
/** Access tokens that outlive the moves below (a move past a token's `exp` ends its session, as it should). */
const LONG = { tokenTtl: 60 * 24 * 3600 };

type Call = ReturnType<typeof setup>['call'];
const advance = (call: Call, ms: number) => call('POST', CLOCK, { body: { advance_ms: ms } });

afterEach(() => {
  vi.useRealTimers();
});

describe('Clock', () => {
  it("reads the machine's time plus what was advanced, and only moves forward by whole milliseconds", () => {
    const clock = new Clock();
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1000);
    const before = clock.now();
    expect(clock.advance(DAY)).toBeGreaterThanOrEqual(before + DAY);
    expect(clock.seconds()).toBe(Math.floor(clock.now() / 1000));
    expect(Date.parse(clock.iso())).toBeGreaterThanOrEqual(before + DAY);
    for (const bad of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER]) expect(() => clock.advance(bad)).toThrow(RangeError);
  });
});

describe('/api/v1/__test__/clock', () => {
  it('does not exist outside test mode', async () => {
    const { call } = setup();
    expect((await call('GET', CLOCK)).status).toBe(404);
    expect((await call('POST', CLOCK, { body: { advance_ms: 1000 } })).status).toBe(404);
  });

  it('GET answers now; POST moves it forward and answers the new now; the in-process clock is the same one', async () => {
    const { call, platform } = setup({ testRoutes: true });
    const read = await call('GET', CLOCK);
    expect(read.status).toBe(200);
    expect(Object.keys(read.body)).toEqual(['now']);
    const start = Date.parse(read.body.now);
    expect(Math.abs(start - Date.now())).toBeLessThan(5000);

    const moved = await advance(call, 2 * HOUR);
    expect(moved.status).toBe(200);
    expect(Date.parse(moved.body.now) - start).toBeGreaterThanOrEqual(2 * HOUR);
    expect(Date.parse(moved.body.now) - start).toBeLessThan(2 * HOUR + 5000);
    expect(Math.abs(platform.clock.now() - Date.parse(moved.body.now))).toBeLessThan(5000);

    platform.clock.advance(DAY);
    expect(Date.parse((await call('GET', CLOCK)).body.now) - start).toBeGreaterThanOrEqual(DAY + 2 * HOUR);
    expect((await advance(call, 0)).status).toBe(200);
  });

  it("says the platform's time in every answer's Date header, moved with the clock (the console's countdowns read it)", async () => {
    const { call, platform } = setup({ testRoutes: true });
    const dateOf = async () => Date.parse((await platform.app.request(`${API}/auth/whoami`)).headers.get('Date') ?? '');
    expect(Math.abs((await dateOf()) - Date.now())).toBeLessThan(5000);
    await advance(call, 2 * HOUR);
    // Whole seconds, as HTTP dates are.
    expect(Math.abs((await dateOf()) - platform.clock.now())).toBeLessThan(1000);
    expect((await dateOf()) - Date.now()).toBeGreaterThan(2 * HOUR - 5000);
  });

  it('refuses what is not a whole number of milliseconds ≥ 0 (422, on the field), and a move past 9999', async () => {
    const { call } = setup({ testRoutes: true });
    for (const body of [{ advance_ms: -1 }, { advance_ms: 1.5 }, { advance_ms: '60000' }, {}, { advance_ms: 1, rewind: true }]) {
      const res = await call('POST', CLOCK, { body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.detail[0].loc[0]).toBe('body');
    }
    const far = await advance(call, 8000 * 365 * DAY);
    expect(far.status).toBe(422);
    expect(far.body.detail[0]).toMatchObject({ loc: ['body', 'advance_ms'], msg: 'The clock cannot move past 9999-12-31T23:59:59.999Z' });
    // Nothing moved.
    expect(Math.abs(Date.parse((await call('GET', CLOCK)).body.now) - Date.now())).toBeLessThan(5000);
  });

  it('refuses cross-origin requests, as every test route does', async () => {
    const { call } = setup({ testRoutes: true });
    const res = await call('POST', CLOCK, { body: { advance_ms: DAY }, headers: { origin: 'https://evil.example' } });
    expect(res).toMatchObject({ status: 403, body: { detail: 'Test routes refuse cross-origin requests' } });
    expect((await call('GET', CLOCK, { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    expect(Math.abs(Date.parse((await call('GET', CLOCK)).body.now) - Date.now())).toBeLessThan(5000);
  });
});

describe('time-driven behaviours move with the clock, with no real waiting', () => {
  it('a deploy goes building → built → deploying → active, one phase per advance', async () => {
    const PHASE = 10 * 60_000;
    const { call, login } = setup({ ...LONG, testRoutes: true, deployPhaseMs: PHASE });
    const token = await login('developer');
    const svc = await call('POST', SERVICES, { token, body: newService({ slug: 'clocked', execution_mode: 'persistent', ring_id: null }) });
    const base = `${SERVICES}/${svc.body.id as string}`;
    await call('POST', `${base}/endpoints`, { token, body: { method: 'POST', path: '/run', summary: 'Run' } });
    expect((await call('POST', `${base}/publish`, { token })).status).toBe(200);
    const started = await call('POST', `${base}/deploy`, { token });
    expect(started.body.state).toBe('building');
    const state = async () => (await call('GET', `${base}/deployment-status`, { token })).body.deployment_state;
    const seen = [await state()];
    for (let i = 0; i < 3; i++) {
      expect((await advance(call, PHASE)).status).toBe(200);
      seen.push(await state());
    }
    expect(seen).toEqual(['building', 'built', 'deploying', 'active']);
    expect((await call('GET', base, { token })).body.deployment_state).toBe('active');
  });

  it('a version replaced by a 100% publish drains, then reads archived once the drain period has passed', async () => {
    const DRAIN = HOUR;
    const { call, login, platform } = setup({ ...LONG, drainMs: DRAIN });
    const token = await login('developer');
    expect((await call('POST', `${SERVICES}/${FRAUD}/publish`, { token, body: { traffic_percent: 100 } })).status).toBe(200);
    const status = async () => Object.fromEntries((await listVersions(call, token, FRAUD)).map((v) => [v.version, v.status]));
    expect(await status()).toEqual({ 1: 'draining', 2: 'active' });
    platform.clock.advance(DRAIN - 1000);
    expect((await status())[1]).toBe('draining');
    platform.clock.advance(1000);
    expect(await status()).toEqual({ 1: 'archived', 2: 'active' });
    expect((await call('GET', gw(FRAUD, 'v1/models'), { token })).status).toBe(404);
  });

  it('a job is queued, runs and finishes as the clock moves', async () => {
    const RUN = HOUR;
    const { call, login, platform } = setup({ ...LONG, jobRunMs: RUN });
    const token = await login('developer');
    const submitted = Job.parse((await call('POST', gw(SENTIMENT, 'async/analyze'), { token, body: { text: 'Great' } })).body);
    const poll = async () => Job.parse((await call('GET', `${SERVICES}/${SENTIMENT}/jobs/${submitted.id}`, { token })).body).status;
    expect(await poll()).toBe('queued');
    platform.clock.advance(RUN / 4);
    expect(await poll()).toBe('running');
    platform.clock.advance(RUN);
    expect(await poll()).toBe('succeeded');
  });

  it('access tokens expire (iat and exp are on the clock) and refresh tokens too', async () => {
    const { call, platform } = setup({ tokenTtl: 600, refreshTtl: DAY / 1000 });
    const signedIn = await call('POST', `${API}/auth/login`, { body: { email: DEMO_USERS.admin, password: 'password' } });
    const { access_token, refresh_token } = signedIn.body as { access_token: string; refresh_token: string };
    const payload = JSON.parse(Buffer.from(access_token.split('.')[1]!, 'base64url').toString()) as { iat: number; exp: number };
    expect(payload.exp - payload.iat).toBe(600);
    expect(Math.abs(payload.iat - platform.clock.seconds())).toBeLessThanOrEqual(1);
    expect((await call('GET', SERVICES, { token: access_token })).status).toBe(200);
    platform.clock.advance(600_000);
    expect((await call('GET', SERVICES, { token: access_token })).body).toEqual({ detail: 'Token has expired' });
    platform.clock.advance(DAY);
    expect((await call('POST', `${API}/auth/refresh`, { body: { refresh_token } })).body).toEqual({
      detail: 'Refresh token has expired',
    });
  });

  it('an Idempotency-Key replays within 24 hours of the clock, and not after', async () => {
    const { call, login, platform } = setup(LONG);
    const token = await login('developer');
    const headers = { 'Idempotency-Key': 'clocked-create' };
    const first = await call('POST', SERVICES, { token, body: newService({ slug: 'once' }), headers });
    platform.clock.advance(DAY - 60_000);
    const replay = await call('POST', SERVICES, { token, body: newService({ slug: 'once' }), headers });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(first.body.id);
    platform.clock.advance(2 * 60_000);
    // The key has expired: the create runs again, and the slug is taken.
    expect((await call('POST', SERVICES, { token, body: newService({ slug: 'once' }), headers })).status).toBe(409);
  });

  it('the sign-in throttle window passes on the clock', async () => {
    const { call, platform } = setup({ signInThrottle: { maxFailures: 2, windowS: 300 } });
    const attempt = (password: string) => call('POST', `${API}/auth/login`, { body: { email: DEMO_USERS.viewer, password } });
    await attempt('wrong');
    await attempt('wrong');
    expect((await attempt('password')).status).toBe(429);
    platform.clock.advance(300_000);
    expect((await attempt('password')).status).toBe(200);
  });

  it("the seeds' times are relative to the clock: a reset after a move seeds that much later", async () => {
    // Noon, so that no real midnight falls between the two seeds.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2025-03-10T12:00:00.000Z') });
    const { call, login, platform } = setup({ ...LONG, testRoutes: true });
    const token = await login('viewer');
    const createdAt = async () => Date.parse((await call('GET', `${SERVICES}/${FRAUD}`, { token })).body.created_at);
    const before = await createdAt();
    platform.clock.advance(30 * DAY);
    expect((await call('POST', `${API}/__test__/reset`)).status).toBe(204);
    expect(await createdAt()).toBe(before + 30 * DAY);
  });
});
