// @vitest-environment node
/**
 * Progressive rollouts (CONTRACT §13): the canary's traffic is driven with
 * in-process gateway calls pinned to it (`X-Mock-Status: 503` for failures,
 * `X-Mock-Latency-Ms` for slowness, which passes at once on the test's wall,
 * test-helpers.ts `TestWall`) and time with `platform.clock.advance`;
 * nothing waits for the wall clock. Embedding Service is the demo's canary:
 * v1 draining at 80%, v2 active at 20%.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActivityPage } from '../../src/contract/activity';
import { Rollout, RolloutPage, type RolloutCreate } from '../../src/contract/rollouts';
import { signAccessToken } from '../core/auth';
import { demoId } from '../core/seed-ids';
import { iso } from '../core/time';
import {
  bodyOf,
  byNumber,
  DEMO_USERS,
  gatewayPath as gw,
  listVersions as versions,
  SERVICES,
  setup,
  tempDirPerTest,
} from '../test-helpers';

const INVOICE = demoId(1001);
const EMBEDDING = demoId(1003);
const FRAUD = demoId(1004);
const SENTIMENT = demoId(1005);
const DRAIN_MS = 5_000;

type T = ReturnType<typeof setup>;
type Call = T['call'];

const rolloutsOf = (serviceId: string) => `${SERVICES}/${serviceId}/rollouts`;

/** Embedding's versions: [v2, v1]. */
async function embedding(call: Call, token: string) {
  const [v2, v1] = await versions(call, token, EMBEDDING);
  return { v1: v1!, v2: v2! };
}

/** What most stories start from: a fresh platform, a developer signed in, and Embedding's versions. */
async function onEmbedding(options?: Parameters<typeof setup>[0]) {
  const t = setup(options);
  const dev = await t.login('developer');
  return { ...t, dev, ...(await embedding(t.call, dev)) };
}

const body = (versionId: string, overrides: Partial<RolloutCreate> = {}): RolloutCreate => ({
  version_id: versionId,
  steps: [
    { percent: 10, pause_seconds: 60 },
    { percent: 50, pause_seconds: 60 },
    { percent: 100, pause_seconds: 0 },
  ],
  analysis: { max_error_rate: 0.05, max_p95_ms: null, min_requests: 5 },
  ...overrides,
});

/** Two steps — 10% for `pauseSeconds`, then 100% — judged on 20 requests at least. */
const twoSteps = (versionId: string, pauseSeconds: number) =>
  body(versionId, {
    steps: [
      { percent: 10, pause_seconds: pauseSeconds },
      { percent: 100, pause_seconds: 0 },
    ],
    analysis: { max_error_rate: 0.05, max_p95_ms: null, min_requests: 20 },
  });

async function start(call: Call, token: string, b: unknown, serviceId = EMBEDDING) {
  return bodyOf(
    await call('POST', rolloutsOf(serviceId), { token, body: b, headers: { 'Idempotency-Key': crypto.randomUUID() } }),
    201,
    Rollout,
  );
}

async function read(call: Call, token: string, id: string, serviceId = EMBEDDING) {
  return bodyOf(await call('GET', `${rolloutsOf(serviceId)}/${id}`, { token }), 200, Rollout);
}

/** `n` calls pinned to Embedding's v2 (the canary), answered with `status` (200 unless asked), each `latencyMs` slow. */
async function canaryCalls(call: Call, token: string, n: number, knobs: { status?: number; latencyMs?: number } = {}) {
  const headers: Record<string, string> = {};
  if (knobs.status) headers['X-Mock-Status'] = String(knobs.status);
  if (knobs.latencyMs) headers['X-Mock-Latency-Ms'] = String(knobs.latencyMs);
  for (let i = 0; i < n; i++) {
    const res = await call('POST', gw(EMBEDDING, 'v2/embed'), { token, body: { texts: ['hello'] }, headers });
    expect(res.status).toBe(knobs.status ?? 200);
    expect(res.headers.get('x-service-version')).toBe('2');
  }
}

const kinds = (r: Rollout) => r.events.map((e) => e.kind);
const after = (at: string, ms: number) => iso(Date.parse(at) + ms);

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('starting a rollout', () => {
  it('sets the split to the first step, the baseline the rest, and records `started` in the rollout and the activity', async () => {
    const { call, dev, v1, v2 } = await onEmbedding();
    const r = await start(call, dev, body(v2.id));
    expect(r).toMatchObject({
      service_id: EMBEDDING,
      version_id: v2.id,
      baseline_version_id: v1.id,
      status: 'running',
      step_index: 0,
      created_by: DEMO_USERS.developer,
      finished_at: null,
    });
    expect(r.step_started_at).toBe(r.created_at);
    expect(r.next_step_at).toBe(after(r.created_at, 60_000));
    expect(r.events).toEqual([
      { at: r.created_at, kind: 'started', step_index: 0, percent: 10, by: DEMO_USERS.developer, reason: null, measured: null },
    ]);
    expect(byNumber(await versions(call, dev, EMBEDDING))).toEqual({
      1: { status: 'draining', traffic: 90 },
      2: { status: 'active', traffic: 10 },
    });
    const activity = ActivityPage.parse((await call('GET', `${SERVICES}/${EMBEDDING}/activity`, { token: dev })).body).items;
    expect(activity[0]).toMatchObject({
      kind: 'rollout.started',
      at: r.created_at,
      actor: { email: DEMO_USERS.developer },
      version: 2,
      rollout_id: r.id,
      split: [
        { version_id: v1.id, version: 1, percent: 90 },
        { version_id: v2.id, version: 2, percent: 10 },
      ],
      summary: 'Started a rollout of v2 from v1: 10% → 50% → 100%; at most 5% errors, 5 requests a step',
    });
  });

  it('422 on the right field for every rule of §13, and nothing changes', async () => {
    const { call, dev, v1, v2 } = await onEmbedding();
    const post = (b: unknown, serviceId = EMBEDDING) => call('POST', rolloutsOf(serviceId), { token: dev, body: b });
    const locOf = async (b: unknown, serviceId = EMBEDDING) => {
      const res = await post(b, serviceId);
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      return (res.body.detail as { loc: unknown[]; msg: string }[]).map((d) => [d.loc, d.msg]);
    };
    const steps = (...s: [number, number][]) => s.map(([percent, pause_seconds]) => ({ percent, pause_seconds }));
    const analysis = (a: Record<string, unknown>) => ({ ...body(v2.id).analysis, ...a });

    expect(await locOf(body(v2.id, { steps: [] }))).toEqual([[['body', 'steps'], 'A rollout has at least one step']]);
    expect(
      await locOf(body(v2.id, { steps: steps(...Array.from({ length: 10 }, (_, i): [number, number] => [i + 1, 1]), [100, 0]) })),
    ).toEqual([[['body', 'steps'], 'A rollout has at most 10 steps']]);
    expect(await locOf(body(v2.id, { steps: steps([0, 1], [100, 0]) }))).toEqual([
      [['body', 'steps', 0, 'percent'], 'A step’s percent is at least 1'],
    ]);
    expect(await locOf(body(v2.id, { steps: steps([10, 1], [101, 0]) }))).toEqual([
      [['body', 'steps', 1, 'percent'], 'A step’s percent is at most 100'],
    ]);
    expect(await locOf(body(v2.id, { steps: steps([50, 1], [50, 1], [100, 0]) }))).toEqual([
      [['body', 'steps', 1, 'percent'], 'Each step’s percent is higher than the one before'],
    ]);
    expect(await locOf(body(v2.id, { steps: steps([10, 1], [90, 0]) }))).toEqual([
      [['body', 'steps', 1, 'percent'], 'The last step is 100%'],
    ]);
    expect(
      await locOf({
        ...body(v2.id),
        steps: [
          { percent: 12.5, pause_seconds: 1 },
          { percent: 100, pause_seconds: 0 },
        ],
      }),
    ).toEqual([[['body', 'steps', 0, 'percent'], expect.any(String)]]);
    expect(await locOf(body(v2.id, { steps: steps([10, -1], [100, 0]) }))).toEqual([
      [['body', 'steps', 0, 'pause_seconds'], 'A pause is at least 0 seconds'],
    ]);
    expect(await locOf(body(v2.id, { steps: steps([10, 86_401], [100, 0]) }))).toEqual([
      [['body', 'steps', 0, 'pause_seconds'], 'A pause is at most 86400 seconds (a day)'],
    ]);
    for (const rate of [-0.01, 1.01])
      expect(await locOf({ ...body(v2.id), analysis: analysis({ max_error_rate: rate }) })).toEqual([
        [['body', 'analysis', 'max_error_rate'], 'The error-rate limit is between 0 and 1'],
      ]);
    for (const p95 of [0, -5])
      expect(await locOf({ ...body(v2.id), analysis: analysis({ max_p95_ms: p95 }) })).toEqual([
        [['body', 'analysis', 'max_p95_ms'], 'The p95 limit is a positive number of milliseconds'],
      ]);
    expect(await locOf({ ...body(v2.id), analysis: analysis({ min_requests: 0 }) })).toEqual([
      [['body', 'analysis', 'min_requests'], 'At least 1 request'],
    ]);
    expect((await locOf({ ...body(v2.id), version_id: 'v2' }))[0]![0]).toEqual(['body', 'version_id']);
    expect((await locOf({ steps: body(v2.id).steps }))[0]).toEqual([['body', 'version_id'], 'Field required']);
    // The version: this service's, serving, with another serving beside it (the baseline).
    expect(await locOf(body(demoId(9999)))).toEqual([[['body', 'version_id'], 'No such version in this service']]);
    const [fraudDraft] = await versions(call, dev, FRAUD);
    expect(await locOf(body(fraudDraft!.id), FRAUD)).toEqual([
      [['body', 'version_id'], 'Version 2 is a draft: publish it before rolling it out'],
    ]);
    const [, sentimentV1] = await versions(call, dev, SENTIMENT);
    expect(await locOf(body(sentimentV1!.id), SENTIMENT)).toEqual([
      [['body', 'version_id'], 'Version 1 is archived: it cannot take traffic again'],
    ]);
    const [invoiceV1] = await versions(call, dev, INVOICE);
    expect(await locOf(body(invoiceV1!.id), INVOICE)).toEqual([
      [['body', 'version_id'], 'Version 1 is the only version serving: a rollout needs another beside it to compare with and go back to'],
    ]);
    expect(await locOf(body(v1.id), INVOICE)).toEqual([[['body', 'version_id'], 'No such version in this service']]);

    expect((await call('GET', rolloutsOf(EMBEDDING), { token: dev })).body).toMatchObject({ items: [], total: 0 });
    expect(byNumber(await versions(call, dev, EMBEDDING))).toEqual({
      1: { status: 'draining', traffic: 80 },
      2: { status: 'active', traffic: 20 },
    });
  });

  it('is idempotent: the same key and body answer the first rollout; the same key with another body is 422', async () => {
    const { call, dev, v1, v2 } = await onEmbedding();
    const headers = { 'Idempotency-Key': 'rollout-embedding-1' };
    const first = await call('POST', rolloutsOf(EMBEDDING), { token: dev, body: body(v2.id), headers });
    expect(first.status).toBe(201);
    const again = await call('POST', rolloutsOf(EMBEDDING), { token: dev, body: body(v2.id), headers });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await call('POST', rolloutsOf(EMBEDDING), { token: dev, body: body(v1.id), headers });
    expect(other.status).toBe(422);
    const list = RolloutPage.parse((await call('GET', rolloutsOf(EMBEDDING), { token: dev })).body);
    expect(list.items.map((r) => r.id)).toEqual([first.body.id]);
  });

  it('takes every other version with traffic to 0 (archived) and leaves one draining out; a one-step rollout succeeds at once', async () => {
    const t = setup({ drainMs: DRAIN_MS });
    const dev = await t.login('developer');
    // Fraud Scorer: v1 active 100%, v2 draft → publish v2 at 100% (v1 draining out at 0%), then a v3 at 30%.
    expect((await t.call('POST', `${SERVICES}/${FRAUD}/publish`, { token: dev, body: { traffic_percent: 100 } })).status).toBe(200);
    expect((await t.call('POST', `${SERVICES}/${FRAUD}/versions`, { token: dev })).status).toBe(201);
    expect((await t.call('POST', `${SERVICES}/${FRAUD}/publish`, { token: dev, body: { traffic_percent: 30 } })).status).toBe(200);
    expect(byNumber(await versions(t.call, dev, FRAUD))).toEqual({
      1: { status: 'draining', traffic: 0 },
      2: { status: 'draining', traffic: 70 },
      3: { status: 'active', traffic: 30 },
    });
    const [v3, v2] = await versions(t.call, dev, FRAUD);
    // The baseline is the other serving version with the most traffic: v2.
    const r = await start(t.call, dev, body(v3!.id, { steps: [{ percent: 100, pause_seconds: 0 }] }), FRAUD);
    expect(r.baseline_version_id).toBe(v2!.id);
    expect(kinds(r)).toEqual(['started', 'succeeded']);
    expect(r).toMatchObject({ status: 'succeeded', step_index: 0, finished_at: r.created_at, next_step_at: null });
    const after100 = await versions(t.call, dev, FRAUD);
    expect(byNumber(after100)).toEqual({
      1: { status: 'draining', traffic: 0 },
      2: { status: 'draining', traffic: 0 },
      3: { status: 'active', traffic: 100 },
    });
    expect(after100[1]!.drain_ends_at).toBe(after(r.created_at, DRAIN_MS));
  });
});

describe('the analysis', () => {
  it('advances at the end of each pause with what the step measured, then succeeds at 100%; the baseline drains', async () => {
    const { call, platform, dev, v1, v2 } = await onEmbedding({ drainMs: DRAIN_MS });
    const r = await start(call, dev, body(v2.id));
    await canaryCalls(call, dev, 6);
    // Half the pause on (the machine's own seconds move the clock too: a slow machine must not reach the step's end).
    platform.clock.advance(30_000);
    expect(kinds(await read(call, dev, r.id))).toEqual(['started']);
    platform.clock.advance(30_000);
    const step2 = await read(call, dev, r.id);
    expect(step2).toMatchObject({
      status: 'running',
      step_index: 1,
      step_started_at: r.next_step_at,
      next_step_at: after(r.created_at, 120_000),
    });
    const advanced = step2.events[1]!;
    expect(advanced).toMatchObject({
      at: r.next_step_at,
      kind: 'advanced',
      step_index: 1,
      percent: 50,
      by: 'analysis',
      measured: { requests: 6, error_rate: 0 },
    });
    expect(advanced.measured!.p95_ms).toBeGreaterThan(0);
    expect(advanced.reason).toMatch(/^0% errors, p95 [\d.]+ ms over 6 requests, within the limits$/);
    expect(byNumber(await versions(call, dev, EMBEDDING))).toEqual({
      1: { status: 'draining', traffic: 50 },
      2: { status: 'active', traffic: 50 },
    });

    // The second step counts only its own calls.
    await canaryCalls(call, dev, 5);
    platform.clock.advance(60_000);
    const done = await read(call, dev, r.id);
    expect(kinds(done)).toEqual(['started', 'advanced', 'advanced', 'succeeded']);
    const end = after(r.created_at, 120_000);
    expect(done).toMatchObject({ status: 'succeeded', step_index: 2, finished_at: end, next_step_at: null });
    expect(done.events[2]).toMatchObject({ at: end, kind: 'advanced', step_index: 2, percent: 100, measured: { requests: 5 } });
    expect(done.events[3]).toEqual({
      at: end,
      kind: 'succeeded',
      step_index: 2,
      percent: 100,
      by: 'analysis',
      reason: null,
      measured: null,
    });
    // The baseline drains as after a 100% publish, from the time the rollout succeeded.
    const [w2, w1] = await versions(call, dev, EMBEDDING);
    expect(byNumber([w2!, w1!])).toEqual({ 1: { status: 'draining', traffic: 0 }, 2: { status: 'active', traffic: 100 } });
    expect(w1!.drain_ends_at).toBe(after(end, DRAIN_MS));
    platform.clock.advance(DRAIN_MS);
    expect(byNumber(await versions(call, dev, EMBEDDING))).toMatchObject({ 1: { status: 'archived', traffic: 0 } });
    expect(w1!.id).toBe(v1.id);

    // Each event is in the activity, once, in order, with the split it left; the analysis's have no actor.
    const activity = ActivityPage.parse(
      (await call('GET', `${SERVICES}/${EMBEDDING}/activity?kind=rollout.started,rollout.advanced,rollout.succeeded`, { token: dev })).body,
    ).items.reverse();
    expect(activity.map((a) => [a.kind, a.at, a.actor?.email ?? null, a.rollout_id])).toEqual([
      ['rollout.started', r.created_at, DEMO_USERS.developer, r.id],
      ['rollout.advanced', r.next_step_at, null, r.id],
      ['rollout.advanced', end, null, r.id],
      ['rollout.succeeded', end, null, r.id],
    ]);
    expect(activity[1]!.summary).toMatch(
      /^Rollout of v2 advanced to step 2 of 3 \(50%\): 0% errors, p95 [\d.]+ ms over 6 requests, within the limits$/,
    );
    expect(activity[3]!.summary).toBe('Rollout of v2 succeeded: it serves 100%, and v1 drains');
    expect(activity[3]!.split).toEqual([{ version_id: v2.id, version: 2, percent: 100 }]);
  });

  it('aborts within the step as soon as the error rate crosses its limit (once min_requests is reached), with the measured values', async () => {
    const { call, platform, dev, v1, v2 } = await onEmbedding();
    const r = await start(call, dev, twoSteps(v2.id, 600));
    await canaryCalls(call, dev, 19);
    // The 20th call is a 5xx: 1 of 20 is 5%, not over the limit.
    await canaryCalls(call, dev, 1, { status: 503 });
    expect((await read(call, dev, r.id)).status).toBe('running');
    await canaryCalls(call, dev, 1, { status: 503 });
    // The 21st: 2 of 21 (9.5%). Long before the end of the 10-minute pause.
    platform.clock.advance(1_000);
    const aborted = await read(call, dev, r.id);
    expect(aborted).toMatchObject({ status: 'aborted', step_index: 0, next_step_at: null });
    const event = aborted.events[1]!;
    expect(event).toMatchObject({
      kind: 'aborted',
      step_index: 0,
      percent: 0,
      by: 'analysis',
      reason: '9.5% errors over 21 requests, limit 5%',
      measured: { requests: 21, error_rate: 2 / 21 },
    });
    // At the time of the call that crossed it: the last one recorded.
    const records = (await call('GET', `${SERVICES}/${EMBEDDING}/requests?version=2&limit=1`, { token: dev })).body.items;
    expect(event.at).toBe(records[0].time);
    expect(aborted.finished_at).toBe(event.at);
    expect(Date.parse(event.at)).toBeLessThan(Date.parse(r.next_step_at!));
    // The canary to 0 (archived), the baseline back to 100%.
    expect(byNumber(await versions(call, dev, EMBEDDING))).toEqual({
      1: { status: 'active', traffic: 100 },
      2: { status: 'archived', traffic: 0 },
    });
    const activity = ActivityPage.parse(
      (await call('GET', `${SERVICES}/${EMBEDDING}/activity?kind=rollout.aborted`, { token: dev })).body,
    ).items;
    expect(activity).toHaveLength(1);
    expect(activity[0]).toMatchObject({
      at: event.at,
      actor: null,
      summary: 'Aborted the rollout of v2 at step 1 of 2: 9.5% errors over 21 requests, limit 5%; v1 serves 100% again',
      split: [{ version_id: v1.id, version: 1, percent: 100 }],
    });
    // Finished: the traffic is anyone's again.
    const put = await call('PUT', `${SERVICES}/${EMBEDDING}/traffic`, {
      token: dev,
      body: { allocations: [{ version_id: v1.id, percent: 100 }] },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
  });

  it('aborts on the p95 when more than 5% of the step’s calls are slower than its limit', async () => {
    const { call, dev, v2 } = await onEmbedding();
    const r = await start(call, dev, body(v2.id, { analysis: { max_error_rate: 1, max_p95_ms: 250, min_requests: 5 } }));
    await canaryCalls(call, dev, 4);
    expect((await read(call, dev, r.id)).status).toBe('running');
    // The 5th call is slow: the nearest-rank p95 of 5 calls is the slowest.
    await canaryCalls(call, dev, 1, { latencyMs: 400 });
    const aborted = await read(call, dev, r.id);
    expect(aborted.status).toBe('aborted');
    const event = aborted.events.at(-1)!;
    expect(event.measured).toMatchObject({ requests: 5, error_rate: 0 });
    expect(event.measured!.p95_ms).toBeGreaterThanOrEqual(400);
    expect(event.reason).toMatch(/^p95 \d+ ms over 5 requests, limit 250 ms$/);
  });

  it('with too few requests at the end of a pause: `inconclusive` and paused; resume starts the pause again, and the step’s calls go on counting', async () => {
    // Signed in for longer than the hour it stays paused.
    const { call, platform, dev, v2 } = await onEmbedding({ tokenTtl: 7_200 });
    const r = await start(call, dev, twoSteps(v2.id, 60));
    await canaryCalls(call, dev, 3);
    platform.clock.advance(90_000);
    const paused = await read(call, dev, r.id);
    expect(paused).toMatchObject({ status: 'paused', step_index: 0, next_step_at: null, step_started_at: r.created_at });
    expect(paused.events[1]).toMatchObject({
      at: r.next_step_at,
      kind: 'inconclusive',
      step_index: 0,
      percent: 10,
      by: 'analysis',
      reason: '3 of the 20 requests needed',
      measured: { requests: 3, error_rate: 0 },
    });
    expect(byNumber(await versions(call, dev, EMBEDDING))).toMatchObject({ 2: { status: 'active', traffic: 10 } });
    // Paused stays paused, however long.
    platform.clock.advance(3_600_000);
    expect((await read(call, dev, r.id)).events).toHaveLength(2);
    const activity = ActivityPage.parse(
      (await call('GET', `${SERVICES}/${EMBEDDING}/activity?kind=rollout.inconclusive`, { token: dev })).body,
    ).items;
    expect(activity[0]!.summary).toBe('Rollout of v2 paused at step 1 of 2 (10%): inconclusive, 3 of the 20 requests needed');
    expect((await call('POST', `${rolloutsOf(EMBEDDING)}/${r.id}/pause`, { token: dev })).body).toEqual({
      detail: 'This rollout is paused already',
    });

    const res = await call('POST', `${rolloutsOf(EMBEDDING)}/${r.id}/resume`, { token: dev });
    const resumed = bodyOf(res, 200, Rollout);
    const resumedAt = resumed.events.at(-1)!.at;
    expect(resumed.events.at(-1)).toMatchObject({
      kind: 'resumed',
      by: DEMO_USERS.developer,
      step_index: 0,
      percent: 10,
      measured: { requests: 3 },
    });
    expect(resumed).toMatchObject({
      status: 'running',
      step_index: 0,
      step_started_at: r.created_at,
      next_step_at: after(resumedAt, 60_000),
    });
    expect((await call('POST', `${rolloutsOf(EMBEDDING)}/${r.id}/resume`, { token: dev })).body).toEqual({
      detail: 'This rollout is running: there is nothing to resume',
    });
    // 17 more: with the 3 before, the step has its 20.
    await canaryCalls(call, dev, 17);
    platform.clock.advance(60_000);
    const done = await read(call, dev, r.id);
    expect(kinds(done)).toEqual(['started', 'inconclusive', 'resumed', 'advanced', 'succeeded']);
    expect(done.events[3]).toMatchObject({ at: after(resumedAt, 60_000), measured: { requests: 20, error_rate: 0 } });
  });

  it('keeps guarding a paused rollout: a limit crossed while paused aborts it', async () => {
    const { call, dev, v2 } = await onEmbedding();
    const r = await start(call, dev, body(v2.id));
    expect((await call('POST', `${rolloutsOf(EMBEDDING)}/${r.id}/pause`, { token: dev })).status).toBe(200);
    await canaryCalls(call, dev, 5, { status: 500 });
    const aborted = await read(call, dev, r.id);
    expect(kinds(aborted)).toEqual(['started', 'paused', 'aborted']);
    expect(aborted.events[2]).toMatchObject({
      by: 'analysis',
      reason: '100% errors over 5 requests, limit 5%',
      measured: { requests: 5, error_rate: 1 },
    });
  });

  it('a driver settles unfinished rollouts every second, with no one reading', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { call, platform, dev, v2 } = await onEmbedding();
    // Armed only while a rollout is unfinished.
    expect(vi.getTimerCount()).toBe(0);
    const r = await start(call, dev, body(v2.id));
    expect(vi.getTimerCount()).toBe(1);
    await canaryCalls(call, dev, 5, { status: 503 });
    expect(platform.store.rollouts.get(r.id)!.status).toBe('running');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(platform.store.rollouts.get(r.id)!.status).toBe('aborted');
    expect(byNumber(await versions(call, dev, EMBEDDING))).toMatchObject({ 2: { status: 'archived', traffic: 0 } });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('records each decision once, whoever evaluates it and however many at a time', async () => {
    const { call, platform, dev, v2 } = await onEmbedding();
    const r = await start(call, dev, body(v2.id));
    await canaryCalls(call, dev, 5);
    platform.clock.advance(60_000);
    const reads = await Promise.all([
      read(call, dev, r.id),
      call('GET', rolloutsOf(EMBEDDING), { token: dev }),
      call('GET', `${SERVICES}/${EMBEDDING}/versions`, { token: dev }),
      call('GET', `${SERVICES}/${EMBEDDING}/activity`, { token: dev }),
      read(call, dev, r.id),
    ]);
    expect(kinds(reads[0])).toEqual(['started', 'advanced']);
    expect(kinds(reads[4])).toEqual(['started', 'advanced']);
    const advancedEntries = ActivityPage.parse(
      (await call('GET', `${SERVICES}/${EMBEDDING}/activity?kind=rollout.advanced`, { token: dev })).body,
    );
    expect(advancedEntries.total).toBe(1);
  });
});

describe('what people do', () => {
  it('promote: `promoted`, then `succeeded`; the baseline drains; a finished rollout takes no more actions', async () => {
    const { call, dev, v2 } = await onEmbedding({ drainMs: DRAIN_MS });
    const r = await start(call, dev, body(v2.id));
    await canaryCalls(call, dev, 2);
    const res = await call('POST', `${rolloutsOf(EMBEDDING)}/${r.id}/promote`, { token: dev });
    const done = bodyOf(res, 200, Rollout);
    expect(done).toMatchObject({ status: 'succeeded', step_index: 2, next_step_at: null });
    const [promoted, succeeded] = done.events.slice(1);
    expect(promoted).toMatchObject({ kind: 'promoted', step_index: 0, percent: 100, by: DEMO_USERS.developer, measured: { requests: 2 } });
    expect(succeeded).toMatchObject({ kind: 'succeeded', step_index: 2, percent: 100, by: DEMO_USERS.developer, at: promoted!.at });
    expect(done.finished_at).toBe(promoted!.at);
    const [w2, w1] = await versions(call, dev, EMBEDDING);
    expect(byNumber([w2!, w1!])).toEqual({ 1: { status: 'draining', traffic: 0 }, 2: { status: 'active', traffic: 100 } });
    expect(w1!.drain_ends_at).toBe(after(promoted!.at, DRAIN_MS));
    for (const action of ['pause', 'resume', 'promote', 'abort'])
      expect(await call('POST', `${rolloutsOf(EMBEDDING)}/${r.id}/${action}`, { token: dev })).toMatchObject({
        status: 409,
        body: { detail: `This rollout has succeeded: there is nothing to ${action}` },
      });
  });

  it('abort by a person, with a reason: the canary archived, the baseline back to 100%', async () => {
    const { call, login } = setup();
    const admin = await login('admin');
    const { v2 } = await embedding(call, admin);
    const r = await start(call, admin, body(v2.id));
    const res = await call('POST', `${rolloutsOf(EMBEDDING)}/${r.id}/abort`, {
      token: admin,
      body: { reason: '  Latency looks wrong in the traces  ' },
    });
    const aborted = bodyOf(res, 200, Rollout);
    expect(aborted.events[1]).toMatchObject({
      kind: 'aborted',
      step_index: 0,
      percent: 0,
      by: DEMO_USERS.admin,
      reason: 'Latency looks wrong in the traces',
      measured: { requests: 0, error_rate: 0, p95_ms: null },
    });
    expect(aborted).toMatchObject({ status: 'aborted', finished_at: aborted.events[1]!.at });
    expect(byNumber(await versions(call, admin, EMBEDDING))).toEqual({
      1: { status: 'active', traffic: 100 },
      2: { status: 'archived', traffic: 0 },
    });
    const entry = ActivityPage.parse((await call('GET', `${SERVICES}/${EMBEDDING}/activity?kind=rollout.aborted`, { token: admin })).body)
      .items[0]!;
    expect(entry).toMatchObject({
      actor: { email: DEMO_USERS.admin },
      summary: 'Aborted the rollout of v2 at step 1 of 3: Latency looks wrong in the traces; v1 serves 100% again',
    });
    expect((await call('POST', `${rolloutsOf(EMBEDDING)}/${r.id}/abort`, { token: admin })).body).toEqual({
      detail: 'This rollout has been aborted: there is nothing to abort',
    });
    // Without a body (or a blank reason): no reason.
    const fraud = await versions(call, admin, FRAUD);
    expect((await call('POST', `${SERVICES}/${FRAUD}/publish`, { token: admin, body: { traffic_percent: 5 } })).status).toBe(200);
    const second = await start(call, admin, body(fraud[0]!.id), FRAUD);
    const plain = await call('POST', `${rolloutsOf(FRAUD)}/${second.id}/abort`, { token: admin });
    expect(plain.status).toBe(200);
    expect(plain.body.events.at(-1)).toMatchObject({ kind: 'aborted', reason: null });
    expect((await call('POST', `${rolloutsOf(FRAUD)}/${second.id}/abort`, { token: admin, body: { reason: 'a\u0000b' } })).status).toBe(
      422,
    );
  });

  it('pause: no step ends while paused', async () => {
    const { call, platform, dev, v2 } = await onEmbedding();
    const r = await start(call, dev, body(v2.id));
    await canaryCalls(call, dev, 5);
    const res = await call('POST', `${rolloutsOf(EMBEDDING)}/${r.id}/pause`, { token: dev });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'paused', next_step_at: null });
    expect(res.body.events.at(-1)).toMatchObject({ kind: 'paused', by: DEMO_USERS.developer, percent: 10, measured: { requests: 5 } });
    platform.clock.advance(600_000);
    expect(kinds(await read(call, dev, r.id))).toEqual(['started', 'paused']);
  });
});

describe('one rollout at a time', () => {
  it('409 for a second rollout, a manual traffic change or a publish while one is running or paused', async () => {
    const { call, dev, v1, v2 } = await onEmbedding();
    const r = await start(call, dev, body(v2.id));
    const inProgress = { status: 409, body: { detail: 'A rollout is in progress: abort it first' } };
    expect(await call('POST', rolloutsOf(EMBEDDING), { token: dev, body: body(v2.id) })).toMatchObject(inProgress);
    const allocations = [
      { version_id: v1.id, percent: 50 },
      { version_id: v2.id, percent: 50 },
    ];
    expect(await call('PUT', `${SERVICES}/${EMBEDDING}/traffic`, { token: dev, body: { allocations } })).toMatchObject(inProgress);
    expect((await call('POST', `${SERVICES}/${EMBEDDING}/versions`, { token: dev })).status).toBe(201);
    expect(await call('POST', `${SERVICES}/${EMBEDDING}/publish`, { token: dev, body: { traffic_percent: 10 } })).toMatchObject(inProgress);
    expect((await call('POST', `${rolloutsOf(EMBEDDING)}/${r.id}/pause`, { token: dev })).status).toBe(200);
    expect(await call('PUT', `${SERVICES}/${EMBEDDING}/traffic`, { token: dev, body: { allocations } })).toMatchObject(inProgress);
    expect((await call('POST', `${rolloutsOf(EMBEDDING)}/${r.id}/abort`, { token: dev })).status).toBe(200);
    // Finished: the draft (v3) publishes, and a rollout of it may start, from v1.
    expect((await call('POST', `${SERVICES}/${EMBEDDING}/publish`, { token: dev, body: { traffic_percent: 10 } })).status).toBe(200);
    const [v3] = await versions(call, dev, EMBEDDING);
    const next = await start(call, dev, body(v3!.id));
    expect(next.baseline_version_id).toBe(v1.id);
    const list = RolloutPage.parse((await call('GET', `${rolloutsOf(EMBEDDING)}?limit=1`, { token: dev })).body);
    expect(list).toMatchObject({ total: 2, limit: 1, offset: 0 });
    expect(list.items.map((x) => x.id)).toEqual([next.id]);
    expect(RolloutPage.parse((await call('GET', `${rolloutsOf(EMBEDDING)}?offset=1`, { token: dev })).body).items.map((x) => x.id)).toEqual(
      [r.id],
    );
  });
});

describe('a restart mid-rollout', () => {
  const dir = tempDirPerTest('mock-rollouts-');

  it('carries on where the clock says: each decision it missed once, in order, at the time it was due', async () => {
    const dataFile = join(dir(), 'state.sqlite');
    const first = setup({ dataFile });
    const dev = await first.login('developer');
    const { v2 } = await embedding(first.call, dev);
    const r = await start(first.call, dev, body(v2.id, { analysis: { max_error_rate: 0.05, max_p95_ms: null, min_requests: 3 } }));
    await canaryCalls(first.call, dev, 3);
    // Closed with the calls still in the request log's buffer: an orderly close writes them.
    first.platform.close();

    const second = setup({ dataFile });
    const token = await second.login('developer');
    // Past the first step's end (advance with its 3 calls) and the second's (no calls: inconclusive).
    second.platform.clock.advance(Date.parse(r.created_at) + 150_000 - second.platform.clock.now());
    const carried = await read(second.call, token, r.id);
    expect(carried.events.map((e) => [e.kind, e.at, e.measured?.requests ?? null])).toEqual([
      ['started', r.created_at, null],
      ['advanced', after(r.created_at, 60_000), 3],
      ['inconclusive', after(r.created_at, 120_000), 0],
    ]);
    expect(carried).toMatchObject({ status: 'paused', step_index: 1, step_started_at: after(r.created_at, 60_000) });
    expect(byNumber(await versions(second.call, token, EMBEDDING))).toMatchObject({ 2: { status: 'active', traffic: 50 } });
    second.platform.close();

    // And again: nothing is decided twice.
    const third = setup({ dataFile });
    // Each process has its own test clock: this one is brought to the same time.
    third.platform.clock.advance(Date.parse(r.created_at) + 150_000 - third.platform.clock.now());
    const again = await read(third.call, await third.login('developer'), r.id);
    expect(again.events).toEqual(carried.events);
    const activity = ActivityPage.parse(
      (
        await third.call('GET', `${SERVICES}/${EMBEDDING}/activity?kind=rollout.advanced,rollout.inconclusive`, {
          token: await third.login('developer'),
        })
      ).body,
    );
    expect(activity.total).toBe(2);
  });
});

describe('who may', () => {
  it('developers and admins write; viewers read; another organization’s service and an unknown rollout are 404', async () => {
    const { call, login, platform } = setup();
    const dev = await login('developer');
    const viewer = await login('viewer');
    const { v2 } = await embedding(call, dev);
    expect((await call('POST', rolloutsOf(EMBEDDING), { token: viewer, body: body(v2.id) })).status).toBe(403);
    const r = await start(call, dev, body(v2.id));
    expect((await call('GET', rolloutsOf(EMBEDDING), { token: viewer })).status).toBe(200);
    expect((await read(call, viewer, r.id)).id).toBe(r.id);
    for (const action of ['pause', 'resume', 'promote', 'abort'])
      expect(await call('POST', `${rolloutsOf(EMBEDDING)}/${r.id}/${action}`, { token: viewer })).toMatchObject({
        status: 403,
        body: { detail: `Your role (viewer) cannot ${action} rollouts` },
      });
    expect((await call('GET', `${rolloutsOf(EMBEDDING)}/${demoId(9999)}`, { token: dev })).body).toEqual({ detail: 'Rollout not found' });
    // The rollout through another service of the workspace: not found.
    expect((await call('GET', `${rolloutsOf(FRAUD)}/${r.id}`, { token: dev })).status).toBe(404);
    // A user of another organization.
    const someone = [...platform.store.users.values()][0]!;
    const outsider = { ...someone, id: demoId(8801), email: 'someone@elsewhere.example', org_id: demoId(8802), role: 'admin' as const };
    platform.store.users.put(outsider);
    const theirs = await signAccessToken(platform.store, outsider, 600, 'elsewhere');
    expect((await call('GET', `${rolloutsOf(EMBEDDING)}/${r.id}`, { token: theirs })).status).toBe(404);
    expect((await call('POST', `${rolloutsOf(EMBEDDING)}/${r.id}/abort`, { token: theirs })).status).toBe(404);
  });

  it('is an extension: absent from the documented profile', async () => {
    const { call, login } = setup({ profile: 'documented' });
    const dev = await login('developer');
    expect((await call('GET', rolloutsOf(EMBEDDING), { token: dev })).status).toBe(404);
  });
});
