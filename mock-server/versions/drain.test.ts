// @vitest-environment node
/**
 * The drain period (seed 000, CONTRACT §3): a version replaced by a 100%
 * publish is `draining` with 0% of the traffic, then `archived` once drained
 * (`MOCK_DRAIN_MS`), computed from the time so that it survives a restart.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { versionAt } from '../../src/contract/traffic-rules';
import { demoId } from '../core/seed-ids';
import { byNumber, gatewayPath as gw, listVersions as versions, SERVICES, setup, tempDirPerTest } from '../test-helpers';

const FRAUD = demoId(1004);
const EMBEDDING = demoId(1003);
const DRAIN_MS = 5_000;
const score = {
  transaction: { id: 't', amount: { amount: 1, currency: 'EUR' }, merchant: { id: 'm' }, card: { bin: '123456' } },
  channel: 'online',
};

const dir = tempDirPerTest('mock-drain-');
afterEach(() => vi.restoreAllMocks());

/** Publish Fraud Scorer's draft (v2) at 100%: v1 starts draining. */
async function publishFraudV2(t: ReturnType<typeof setup>, token: string) {
  const res = await t.call('POST', `${SERVICES}/${FRAUD}/publish`, { token, body: { traffic_percent: 100 } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return Date.parse(res.body.published_at as string);
}

describe('drain period', () => {
  it('the replaced version drains at 0% (still pinnable), then reads archived; unpinned calls go to the new one', async () => {
    const t = setup({ drainMs: DRAIN_MS });
    const token = await t.login('developer');
    const at = await publishFraudV2(t, token);
    const [v2, v1] = await versions(t.call, token, FRAUD);
    expect(byNumber([v2!, v1!])).toEqual({ 1: { status: 'draining', traffic: 0 }, 2: { status: 'active', traffic: 100 } });
    expect(Date.parse(v1!.drain_ends_at!)).toBe(at + DRAIN_MS);
    expect(v2!.drain_ends_at ?? null).toBeNull();
    for (let i = 0; i < 5; i++)
      expect((await t.call('POST', gw(FRAUD, 'score'), { token, body: score })).headers.get('x-service-version')).toBe('2');
    expect((await t.call('GET', gw(FRAUD, 'v1/models'), { token })).status).toBe(200);
    expect((await t.call('GET', `${SERVICES}/${FRAUD}/versions?status=draining`, { token })).body.total).toBe(1);

    vi.spyOn(Date, 'now').mockReturnValue(at + DRAIN_MS - 1);
    expect((await t.call('GET', `${SERVICES}/${FRAUD}/versions/${v1!.id}`, { token })).body.status).toBe('draining');
    vi.spyOn(Date, 'now').mockReturnValue(at + DRAIN_MS);
    expect((await t.call('GET', `${SERVICES}/${FRAUD}/versions/${v1!.id}`, { token })).body).toMatchObject({
      status: 'archived',
      traffic_percent: 0,
      drain_ends_at: v1!.drain_ends_at,
    });
    expect(byNumber(await versions(t.call, token, FRAUD))).toEqual({
      1: { status: 'archived', traffic: 0 },
      2: { status: 'active', traffic: 100 },
    });
    expect(await t.call('GET', gw(FRAUD, 'v1/models'), { token })).toMatchObject({
      status: 404,
      body: { detail: 'Version 1 is archived' },
    });
    expect(
      (await t.call('GET', `${SERVICES}/${FRAUD}/versions?status=archived`, { token })).body.items.map(
        (v: { version: number }) => v.version,
      ),
    ).toEqual([1]);
  });

  it('survives a restart: the drain goes on from the stored time', async () => {
    const dataFile = join(dir(), 'state.sqlite');
    const first = setup({ dataFile, drainMs: DRAIN_MS });
    const at = await publishFraudV2(first, await first.login('developer'));
    first.platform.close();

    // Restarted during the drain (with another setting: the stored end holds).
    const second = setup({ dataFile, drainMs: 60_000 });
    const token = await second.login('developer');
    expect(byNumber(await versions(second.call, token, FRAUD))).toEqual({
      1: { status: 'draining', traffic: 0 },
      2: { status: 'active', traffic: 100 },
    });
    second.platform.close();

    vi.spyOn(Date, 'now').mockReturnValue(at + DRAIN_MS + 1);
    const third = setup({ dataFile });
    expect(byNumber(await versions(third.call, await third.login('developer'), FRAUD))).toEqual({
      1: { status: 'archived', traffic: 0 },
      2: { status: 'active', traffic: 100 },
    });
  });

  it('canary publishes keep their split (no drain end); a draining-out version may be left out of a traffic change, or rolled back to', async () => {
    const t = setup({ drainMs: DRAIN_MS });
    const token = await t.login('developer');
    // A canary: v2 at 20%, v1 keeps 80% and drains with no end.
    const canary = await t.call('POST', `${SERVICES}/${FRAUD}/publish`, { token, body: { traffic_percent: 20 } });
    expect(canary.status).toBe(200);
    const [, v1] = await versions(t.call, token, FRAUD);
    expect(v1).toMatchObject({ status: 'draining', traffic_percent: 80 });
    expect(v1!.drain_ends_at ?? null).toBeNull();

    // Embedding Service: v3 at 100% → v1 and v2 drain out.
    const base = `${SERVICES}/${EMBEDDING}`;
    await t.call('POST', `${base}/versions`, { token });
    const at = Date.parse((await t.call('POST', `${base}/publish`, { token })).body.published_at);
    const [v3, ev2, ev1] = await versions(t.call, token, EMBEDDING);
    expect(byNumber([v3!, ev2!, ev1!])).toEqual({
      1: { status: 'draining', traffic: 0 },
      2: { status: 'draining', traffic: 0 },
      3: { status: 'active', traffic: 100 },
    });
    // The draining-out versions need not be listed…
    const alone = await t.call('PUT', `${base}/traffic`, { token, body: { allocations: [{ version_id: v3!.id, percent: 100 }] } });
    expect(alone.status, JSON.stringify(alone.body)).toBe(200);
    expect(byNumber(alone.body.items)).toEqual({
      1: { status: 'draining', traffic: 0 },
      2: { status: 'draining', traffic: 0 },
      3: { status: 'active', traffic: 100 },
    });
    // …one listed at 0 is archived at once (the traffic rule), one given traffic back is a rollback and stops draining out.
    const back = await t.call('PUT', `${base}/traffic`, {
      token,
      body: {
        allocations: [
          { version_id: v3!.id, percent: 0 },
          { version_id: ev2!.id, percent: 100 },
          { version_id: ev1!.id, percent: 0 },
        ],
      },
    });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(byNumber(back.body.items)).toEqual({
      1: { status: 'archived', traffic: 0 },
      2: { status: 'active', traffic: 100 },
      3: { status: 'archived', traffic: 0 },
    });
    vi.spyOn(Date, 'now').mockReturnValue(at + DRAIN_MS + 1);
    expect(byNumber(await versions(t.call, token, EMBEDDING))).toEqual({
      1: { status: 'archived', traffic: 0 },
      2: { status: 'active', traffic: 100 },
      3: { status: 'archived', traffic: 0 },
    });
  });

  it('a version already draining out keeps its end when another version is published', async () => {
    const t = setup({ drainMs: DRAIN_MS });
    const token = await t.login('developer');
    const at = await publishFraudV2(t, token);
    t.platform.clock.advance(20);
    await t.call('POST', `${SERVICES}/${FRAUD}/versions`, { token });
    const later = await publishFraudV2(t, token);
    expect(later).toBeGreaterThan(at);
    const [, v2, v1] = await versions(t.call, token, FRAUD);
    expect(Date.parse(v1!.drain_ends_at!)).toBe(at + DRAIN_MS);
    expect(Date.parse(v2!.drain_ends_at!)).toBe(later + DRAIN_MS);
  });

  it('versionAt: only a draining version with no traffic, past its end, reads archived', () => {
    const v = { status: 'draining', traffic_percent: 0, drain_ends_at: '2025-01-01T00:00:00.000Z' };
    const end = Date.parse(v.drain_ends_at);
    expect(versionAt(v, end - 1).status).toBe('draining');
    expect(versionAt(v, end).status).toBe('archived');
    expect(versionAt({ ...v, traffic_percent: 10 }, end).status).toBe('draining');
    expect(versionAt({ ...v, drain_ends_at: null }, end).status).toBe('draining');
    expect(versionAt({ ...v, status: 'active' }, end).status).toBe('active');
  });
});
