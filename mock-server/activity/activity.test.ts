// @vitest-environment node
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActivityPage, type ActivityEntry } from '../../src/contract/activity';
import { demoId } from '../core/seed-ids';
import { API, bodyOf, mint, newService, ORG, SERVICES, setup, tempDirPerTest, WS_RESEARCH } from '../test-helpers';

type Call = ReturnType<typeof setup>['call'];

const PHASE = 1000;
const EMBEDDING = demoId(1003); // v1 draining 80%, v2 active 20%, deployed twice
const IMAGE = demoId(1006); // its latest deploy failed

/** The clock: only Date is faked, so promises and I/O run as usual. */
const tick = (ms: number) => vi.setSystemTime(Date.now() + ms);
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2025-03-10T12:00:00.000Z'));
});
afterEach(() => vi.useRealTimers());

async function activity(call: Call, token: string, serviceId: string, qs = ''): Promise<ActivityEntry[]> {
  return bodyOf(await call('GET', `${SERVICES}/${serviceId}/activity${qs}`, { token }), 200, ActivityPage).items;
}
const kinds = (entries: ActivityEntry[]) => entries.map((e) => e.kind);

const endpoint = { method: 'POST', path: '/predict', summary: 'Predict' };

/** A folder of its own for each test's state file. */
const dir = tempDirPerTest('mock-activity-');

describe('activity', () => {
  it('records who did what to a service, newest first: creation, settings, versions, publishes, traffic, credentials, tokens', async () => {
    const { call, login } = setup();
    const dev = await login('developer');
    const admin = await login('admin');
    const created = await call('POST', SERVICES, {
      token: dev,
      body: newService({ slug: 'timeline', name: 'Timeline', execution_mode: 'persistent', ring_id: undefined }),
    });
    const id = created.body.id as string;
    const base = `${SERVICES}/${id}`;
    // a field sent with its value is no change; the name and the replicas are
    await call('PUT', base, { token: dev, body: { name: 'Timeline 2', max_replicas: 4, min_replicas: 0 } });
    await call('PUT', base, { token: dev, body: { name: 'Timeline 2' } });
    await call('POST', `${base}/endpoints`, { token: dev, body: endpoint });
    const v1 = (await call('POST', `${base}/publish`, { token: dev, body: { traffic_percent: 100 } })).body;
    tick(1000);
    await call('POST', `${base}/versions`, { token: admin });
    const v2 = (await call('POST', `${base}/publish`, { token: admin, body: { traffic_percent: 25 } })).body;
    tick(1000);
    await call('PUT', `${base}/traffic`, {
      token: dev,
      body: {
        allocations: [
          { version_id: v1.id, percent: 100 },
          { version_id: v2.id, percent: 0 },
        ],
      },
    });
    await call('PUT', `${base}/service-credentials`, {
      token: dev,
      body: {
        cloud_provider: 'aws',
        cloud_project_id: '123456789012',
        cloud_credentials_json: JSON.stringify({ access_key_id: 'AKIA', secret_access_key: 'hidden-secret' }),
      },
    });
    await call('DELETE', `${base}/service-credentials`, { token: dev });
    const token = await mint(call, dev, id, {});
    await call('POST', `${base}/service-tokens/revoke`, { token: dev, body: { jti: token.jti, reason: 'leaked' } });
    await call('POST', `${base}/service-tokens/revoke-all`, { token: admin, body: { reason: 'Rotating' } });

    const viewer = await login('viewer');
    const entries = await activity(call, viewer, id);
    expect(kinds(entries)).toEqual([
      'tokens.revoked_all',
      'token.revoked',
      'token.minted',
      'credentials.cleared',
      'credentials.set',
      'traffic.changed',
      'version.published',
      'version.created',
      'version.published',
      'service.updated',
      'service.created',
    ]);
    const [revokedAll, revoked, minted, cleared, set, traffic, published2, created2, published1, updated, createdEntry] = entries;
    expect(createdEntry).toMatchObject({
      service_id: id,
      actor: { email: 'developer@example.com' },
      summary: 'Created Timeline (persistent), with version 1 as a draft',
      version: 1,
    });
    expect(updated).toMatchObject({ fields: ['name', 'max_replicas'], summary: 'Changed the name, max replicas' });
    expect(published1).toMatchObject({
      version: 1,
      split: [{ version_id: v1.id, version: 1, percent: 100 }],
      summary: 'Published version 1 at 100%: v1 100%',
    });
    expect(created2).toMatchObject({
      actor: { email: 'admin@example.com' },
      version: 2,
      summary: "Created version 2 as a draft, from version 1's endpoints",
    });
    expect(published2).toMatchObject({
      version: 2,
      split: [
        { version: 1, percent: 75 },
        { version: 2, percent: 25 },
      ],
    });
    expect(traffic).toMatchObject({
      kind: 'traffic.changed',
      split: [{ version_id: v1.id, version: 1, percent: 100 }],
      summary: 'Set the traffic split to v1 100%; v1 is active again (rollback); archived v2',
    });
    expect(set!.summary).toMatch(/^Set its own cloud credentials: aws \/ 123456789012 \(fingerprint [0-9a-f]{12}\)$/);
    expect(JSON.stringify(entries)).not.toContain('hidden-secret');
    expect(cleared!.summary).toBe("Cleared its own cloud credentials: the organization's apply");
    // Read by people in the Overview's activity: a lifetime in words, not an ISO timestamp.
    expect(minted).toMatchObject({ jti: token.jti, summary: `Minted token ${token.jti}, valid for 1 hour` });
    expect(JSON.stringify(entries)).not.toContain(token.token);
    expect(revoked).toMatchObject({ jti: token.jti, summary: `Revoked token ${token.jti}: leaked` });
    expect(revokedAll).toMatchObject({ actor: { email: 'admin@example.com' }, summary: 'Revoked every token minted until now: Rotating' });
    for (const e of entries) expect(Date.parse(e.at)).toBeLessThanOrEqual(Date.now());

    // paged, and filtered by kind (the Traffic tab's history)
    const page = await call('GET', `${base}/activity?limit=2&offset=1`, { token: viewer });
    expect(page.body).toMatchObject({ total: 11, limit: 2, offset: 1 });
    expect(kinds(ActivityPage.parse(page.body).items)).toEqual(['token.revoked', 'token.minted']);
    expect(kinds(await activity(call, viewer, id, '?kind=version.published,traffic.changed'))).toEqual([
      'traffic.changed',
      'version.published',
      'version.published',
    ]);
    expect((await call('GET', `${base}/activity?kind=everything`, { token: viewer })).body.detail[0].loc).toEqual(['query', 'kind', 0]);
    expect((await call('GET', `${base}/activity?limit=0`, { token: viewer })).status).toBe(422);
  });

  it('a refused change and an idempotent repeat record nothing', async () => {
    const { call, login } = setup();
    const dev = await login('developer');
    const headers = { 'Idempotency-Key': 'create-once' };
    const body = newService({ slug: 'once' });
    const first = await call('POST', SERVICES, { token: dev, headers, body });
    const again = await call('POST', SERVICES, { token: dev, headers, body });
    expect(again.body.id).toBe(first.body.id);
    const base = `${SERVICES}/${first.body.id as string}`;
    expect((await call('POST', `${base}/publish`, { token: dev })).status).toBe(422); // no endpoints
    expect((await call('PUT', base, { token: dev, body: { ring_id: '00000000-0000-4000-8000-00000000dead' } })).status).toBe(422);
    expect((await call('PUT', base, { token: await login('viewer'), body: { name: 'Nope' } })).status).toBe(403);
    expect(kinds(await activity(call, dev, first.body.id))).toEqual(['service.created']);
  });

  it("a deploy's outcome appears when its time comes, and is still right after a restart", async () => {
    const dataFile = join(dir(), 'state.sqlite');
    const one = setup({ dataFile, deployPhaseMs: PHASE });
    const dev = await one.login('developer');
    const created = await one.call('POST', SERVICES, {
      token: dev,
      body: newService({ slug: 'deployed', execution_mode: 'persistent', ring_id: undefined }),
    });
    const id = created.body.id as string;
    const base = `${SERVICES}/${id}`;
    await one.call('POST', `${base}/endpoints`, { token: dev, body: endpoint });
    await one.call('POST', `${base}/publish`, { token: dev });
    expect((await one.call('POST', `${base}/deploy`, { token: dev })).status).toBe(202);
    tick(PHASE);
    // building → built: started, not finished
    expect(kinds(await activity(one.call, dev, id)).slice(0, 1)).toEqual(['deployment.started']);
    one.platform.close();

    tick(2 * PHASE);
    const two = setup({ dataFile, deployPhaseMs: PHASE });
    const entries = await activity(two.call, await two.login('developer'), id);
    expect(kinds(entries)).toEqual(['deployment.finished', 'deployment.started', 'version.published', 'service.created']);
    expect(entries[0]).toMatchObject({
      actor: { email: 'developer@example.com' },
      version: 1,
      summary: 'The deploy of version 1 finished: version 1 is live',
    });
    expect(entries[0]!.deployment_id).toBe(entries[1]!.deployment_id);
    expect(entries[0]!.at).toBe(new Date(Date.parse(entries[1]!.at) + 3 * PHASE).toISOString());

    // a failed build, then a teardown of what still serves
    const token = await two.login('developer');
    await two.call('PUT', base, { token, body: { system_packages: ['nonexistent-lib'] } });
    await two.call('POST', `${base}/deploy`, { token });
    tick(PHASE - 1);
    expect((await activity(two.call, token, id))[0]!.kind).toBe('deployment.started');
    tick(1);
    const failed = (await activity(two.call, token, id))[0]!;
    expect(failed).toMatchObject({
      kind: 'deployment.failed',
      summary: 'The deploy of version 1 failed: Build failed: E: Unable to locate package nonexistent-lib',
    });
    await two.call('POST', `${base}/teardown`, { token });
    expect((await activity(two.call, token, id))[0]).toMatchObject({
      kind: 'deployment.torn_down',
      summary: 'Tore down the deployment of version 1: the container is stopped',
    });
  });

  it('the demo seed tells each service’s story so far', async () => {
    vi.useRealTimers();
    const { call, login } = setup();
    const token = await login('viewer');
    const embedding = await activity(call, token, EMBEDDING);
    const publishes = embedding.filter((e) => e.kind === 'version.published');
    // the canary's publish left the split the service serves now
    expect(publishes.map((e) => e.split?.map((x) => [x.version, x.percent]))).toEqual([
      [
        [2, 20],
        [1, 80],
      ],
      [[1, 100]],
    ]);
    expect(kinds(embedding).filter((k) => k.startsWith('deployment.'))).toEqual([
      'deployment.finished',
      'deployment.started',
      'deployment.finished',
      'deployment.started',
    ]);
    expect(kinds(await activity(call, token, IMAGE))[0]).toBe('deployment.failed');
    // another workspace's service is not found here
    expect(
      (await call('GET', `${API}/orgs/${ORG}/workspaces/${WS_RESEARCH}/hosted-services/${EMBEDDING}/activity`, { token })).status,
    ).toBe(404);
  });
});
