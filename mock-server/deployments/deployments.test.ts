// @vitest-environment node
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Deployment, DeploymentPage, DeploymentStatusDetails } from '../../src/contract/deployments';
import { HostedService } from '../../src/contract/services';
import { createMockPlatform } from '../platform';
import { demoId } from '../core/seed-ids';
import { bodyOf, newService, SERVICES, setup, tempDirPerTest } from '../test-helpers';

type Call = ReturnType<typeof setup>['call'];

const PHASE = 1000;
const FRAUD = demoId(1004); // invocation
const ML = demoId(1002);
const EMBEDDING = demoId(1003);
const IMAGE = demoId(1006);
const REPORT = demoId(1007);
const PDF = demoId(1009);
const VECTOR = demoId(1012); // persistent, draft only

/** The clock: only Date is faked, so promises and I/O run as usual. */
const tick = (ms: number) => vi.setSystemTime(Date.now() + ms);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2025-03-10T12:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

const endpoint = {
  method: 'POST',
  path: '/predict',
  summary: 'Predict',
  request_schema: { type: 'object', properties: { x: { type: 'number' } } },
  response_schema: { type: 'object', properties: { y: { type: 'number' } } },
};

/** A persistent service with version 1 published. */
async function persistentService(call: Call, token: string, extra: Record<string, unknown> = {}) {
  const svc = await call('POST', SERVICES, {
    token,
    body: newService({ slug: 'model-server', name: 'Model Server', execution_mode: 'persistent', ...extra }),
  });
  expect(svc.status).toBe(201);
  const base = `${SERVICES}/${svc.body.id as string}`;
  expect((await call('POST', `${base}/endpoints`, { token, body: endpoint })).status).toBe(201);
  expect((await call('POST', `${base}/publish`, { token })).status).toBe(200);
  return base;
}

async function status(call: Call, token: string, base: string) {
  return bodyOf(await call('GET', `${base}/deployment-status`, { token }), 200, DeploymentStatusDetails);
}

async function history(call: Call, token: string, base: string) {
  return bodyOf(await call('GET', `${base}/deployments`, { token }), 200, DeploymentPage);
}

async function serviceState(call: Call, token: string, base: string) {
  return HostedService.parse((await call('GET', base, { token })).body).deployment_state;
}

async function deployToActive(call: Call, token: string, base: string) {
  const res = await call('POST', `${base}/deploy`, { token });
  expect(res.status).toBe(202);
  tick(3 * PHASE);
  expect((await status(call, token, base)).deployment_state).toBe('active');
  return Deployment.parse(res.body);
}

/** The status of a service with nothing deployed (never, or torn down). */
const NOTHING_DEPLOYED = {
  deployment_state: null,
  health: 'unknown',
  message: null,
  synced: false,
  serving_version: null,
  serving_deployment_id: null,
  in_progress: false,
};

/** The status of a failed attempt while the deployment before it (of version 1) keeps serving. */
const failedWhileServing = (message: string, servingId: string) => ({
  deployment_state: 'failed',
  health: 'healthy',
  message,
  synced: true,
  serving_version: 1,
  serving_deployment_id: servingId,
  in_progress: false,
});

/** A folder of its own for each test's state file. */
const dir = tempDirPerTest('mock-deploy-');

describe('persistent deployments', () => {
  it('deploy moves building → built → deploying → active on the clock; the service record follows', async () => {
    const { call, login } = setup({ deployPhaseMs: PHASE });
    const token = await login('developer');
    const base = await persistentService(call, token);
    expect(await status(call, token, base)).toEqual(NOTHING_DEPLOYED);

    const res = await call('POST', `${base}/deploy`, { token });
    const d = bodyOf(res, 202, Deployment);
    expect(d).toMatchObject({
      kind: 'deploy',
      build: true,
      version: 1,
      state: 'building',
      finished_at: null,
      started_by: { email: 'developer@example.com' },
    });
    expect(await status(call, token, base)).toMatchObject({
      deployment_state: 'building',
      health: 'unknown',
      synced: false,
      in_progress: true,
    });
    expect(await serviceState(call, token, base)).toBe('building');

    const seen: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      tick(PHASE - 1);
      seen.push((await status(call, token, base)).deployment_state);
      tick(1);
      seen.push((await status(call, token, base)).deployment_state);
    }
    expect(seen).toEqual(['building', 'built', 'built', 'deploying', 'deploying', 'active']);
    expect(await status(call, token, base)).toEqual({
      deployment_state: 'active',
      health: 'healthy',
      message: null,
      synced: true,
      serving_version: 1,
      serving_deployment_id: d.id,
      in_progress: false,
    });
    expect(await serviceState(call, token, base)).toBe('active');
    const list = await call('GET', `${SERVICES}?execution_mode=persistent&search=model`, { token });
    expect(list.body.items[0].deployment_state).toBe('active');

    const [rec] = (await history(call, token, base)).items;
    expect(rec!.state).toBe('active');
    expect(rec!.events.map((e) => [e.state, e.at])).toEqual([
      ['building', '2025-03-10T12:00:00.000Z'],
      ['built', '2025-03-10T12:00:01.000Z'],
      ['deploying', '2025-03-10T12:00:02.000Z'],
      ['active', '2025-03-10T12:00:03.000Z'],
    ]);
    expect(rec!.finished_at).toBe('2025-03-10T12:00:03.000Z');
  });

  it('build only ends built; deploy?build=false then deploys that image', async () => {
    const { call, login } = setup({ deployPhaseMs: PHASE });
    const token = await login('developer');
    const base = await persistentService(call, token);
    const none = await call('POST', `${base}/deploy?build=false`, { token });
    expect(none).toMatchObject({ status: 409, body: { detail: 'No built image to deploy; build first' } });

    const b = await call('POST', `${base}/build`, { token });
    expect(b.status).toBe(202);
    expect(b.body).toMatchObject({ kind: 'build', build: true, state: 'building' });
    tick(PHASE);
    expect(await status(call, token, base)).toMatchObject({ deployment_state: 'built', health: 'unknown', in_progress: false });
    tick(10 * PHASE);
    expect((await status(call, token, base)).deployment_state).toBe('built');
    expect(await serviceState(call, token, base)).toBe('built');

    const d = await call('POST', `${base}/deploy?build=false`, { token });
    expect(d.status).toBe(202);
    expect(d.body).toMatchObject({ kind: 'deploy', build: false, state: 'deploying', version: 1 });
    tick(PHASE);
    expect(await status(call, token, base)).toMatchObject({ deployment_state: 'active', health: 'healthy', synced: true });
    expect((await history(call, token, base)).items[0]!.events.map((e) => e.state)).toEqual(['deploying', 'active']);
    expect((await call('POST', `${base}/deploy?build=maybe`, { token })).status).toBe(422);
  });

  it('a failing build shows its message while the previous deployment keeps serving', async () => {
    const { call, login } = setup({ deployPhaseMs: PHASE });
    const token = await login('developer');
    const base = await persistentService(call, token);
    const first = await deployToActive(call, token, base);
    expect((await call('PUT', base, { token, body: { system_packages: ['curl', 'nonexistent-foo'] } })).status).toBe(200);

    expect((await call('POST', `${base}/deploy`, { token })).status).toBe(202);
    tick(PHASE);
    const message = 'Build failed: E: Unable to locate package nonexistent-foo';
    expect(await status(call, token, base)).toEqual(failedWhileServing(message, first.id));
    expect(await serviceState(call, token, base)).toBe('failed');
    const [failed, old] = (await history(call, token, base)).items;
    expect(failed).toMatchObject({ state: 'failed', message });
    expect(failed!.events.map((e) => e.state)).toEqual(['building', 'failed']);
    expect(old).toMatchObject({ id: first.id, state: 'active' });
    // a failed build leaves no image: build=false still deploys the earlier one
    const again = await call('POST', `${base}/deploy?build=false`, { token });
    expect(again.status).toBe(202);
    // build-only fails the same way
    tick(PHASE);
    expect((await call('POST', `${base}/build`, { token })).status).toBe(202);
    tick(PHASE);
    expect(await status(call, token, base)).toMatchObject({ deployment_state: 'failed', message, health: 'healthy' });
  });

  it('a failing deploy shows its message while the previous deployment keeps serving; with nothing serving health is unhealthy', async () => {
    const { call, login } = setup({ deployPhaseMs: PHASE });
    const token = await login('developer');
    const base = await persistentService(call, token);
    const first = await deployToActive(call, token, base);
    expect((await call('PUT', base, { token, body: { startup_timeout_seconds: 1 } })).status).toBe(200);
    expect((await call('POST', `${base}/deploy`, { token })).status).toBe(202);
    tick(2 * PHASE);
    expect((await status(call, token, base)).deployment_state).toBe('deploying');
    tick(PHASE);
    const message = 'Deploy failed: the container did not become healthy within 1 second (startup_timeout_seconds)';
    expect(await status(call, token, base)).toEqual(failedWhileServing(message, first.id));
    expect((await history(call, token, base)).items[0]!.events.map((e) => e.state)).toEqual(['building', 'built', 'deploying', 'failed']);

    // after a teardown, a failing deploy leaves nothing serving
    expect((await call('POST', `${base}/teardown`, { token })).status).toBe(202);
    expect((await call('POST', `${base}/deploy?build=false`, { token })).status).toBe(202);
    tick(PHASE);
    expect(await status(call, token, base)).toMatchObject({
      deployment_state: 'failed',
      health: 'unhealthy',
      message,
      synced: false,
      serving_version: null,
    });
  });

  it('a new deploy replaces the old one, which drains for a phase; synced is false until the active version is deployed', async () => {
    const { call, login } = setup({ deployPhaseMs: PHASE });
    const token = await login('developer');
    const base = await persistentService(call, token);
    const first = await deployToActive(call, token, base);
    expect((await call('POST', `${base}/versions`, { token })).status).toBe(201);
    expect((await call('POST', `${base}/publish`, { token })).status).toBe(200);
    expect(await status(call, token, base)).toMatchObject({ deployment_state: 'active', synced: false, serving_version: 1 });

    const second = Deployment.parse((await call('POST', `${base}/deploy`, { token })).body);
    expect(second.version).toBe(2);
    tick(3 * PHASE);
    expect(await status(call, token, base)).toMatchObject({
      deployment_state: 'active',
      synced: true,
      serving_version: 2,
      serving_deployment_id: second.id,
    });
    let old = (await history(call, token, base)).items[1]!;
    expect(old).toMatchObject({ id: first.id, state: 'draining', message: 'Replaced by version 2' });
    tick(PHASE);
    old = (await history(call, token, base)).items[1]!;
    expect(old.events.map((e) => e.state)).toEqual(['building', 'built', 'deploying', 'active', 'draining', 'torn_down']);
    expect(old.events.slice(4).map((e) => e.at)).toEqual(['2025-03-10T12:00:06.000Z', '2025-03-10T12:00:07.000Z']);

    // Deployed again, the same version replaces itself: the history says so in words that make sense.
    const third = Deployment.parse((await call('POST', `${base}/deploy`, { token })).body);
    tick(3 * PHASE);
    const replaced = (await history(call, token, base)).items.find((d) => d.id === second.id)!;
    expect(third.version).toBe(2);
    expect(replaced).toMatchObject({ state: 'draining', message: 'Replaced by a new deployment of version 2' });
  });

  it('teardown stops the container: state null, health unknown, an event torn_down; a second teardown is 409', async () => {
    const { call, login } = setup({ deployPhaseMs: PHASE });
    const token = await login('developer');
    const base = await persistentService(call, token);
    expect((await call('POST', `${base}/teardown`, { token })).body).toEqual({
      detail: 'Nothing is deployed: there is no running container to stop',
    });
    const first = await deployToActive(call, token, base);
    const t = await call('POST', `${base}/teardown`, { token });
    expect(t.status).toBe(202);
    expect(t.body).toMatchObject({ kind: 'teardown', state: 'torn_down', version: 1, message: 'Stopped version 1' });
    expect(await status(call, token, base)).toEqual(NOTHING_DEPLOYED);
    expect(await serviceState(call, token, base)).toBeNull();
    const items = (await history(call, token, base)).items;
    expect(items.map((d) => d.kind)).toEqual(['teardown', 'deploy']);
    expect(items[1]).toMatchObject({ id: first.id, state: 'torn_down' });
    const again = await call('POST', `${base}/teardown`, { token });
    expect(again.status).toBe(409);
  });

  it('refuses invocation services, services with no published version, and a second build or deploy while one runs', async () => {
    const { call, login } = setup({ deployPhaseMs: PHASE });
    const token = await login('developer');
    for (const op of ['deploy', 'deploy?build=false', 'build', 'teardown']) {
      const res = await call('POST', `${SERVICES}/${FRAUD}/${op}`, { token });
      expect(res, op).toMatchObject({
        status: 409,
        body: { detail: 'Deployments are for persistent services; this service runs in invocation mode' },
      });
    }
    for (const op of ['deploy', 'build']) {
      expect((await call('POST', `${SERVICES}/${VECTOR}/${op}`, { token })).body).toEqual({ detail: 'Publish a version before deploying' });
    }
    const base = await persistentService(call, token);
    expect((await call('POST', `${base}/deploy`, { token })).status).toBe(202);
    tick(PHASE + 1); // built, but the deploy goes on
    for (const op of ['deploy', 'build']) {
      expect((await call('POST', `${base}/${op}`, { token })).body, op).toEqual({ detail: 'A deployment is already in progress' });
    }
    expect((await call('POST', `${base}/teardown`, { token })).status).toBe(409);
    tick(2 * PHASE);
    expect((await call('POST', `${base}/build`, { token })).status).toBe(202);
    expect((await history(call, token, base)).total).toBe(2);
  });

  it('roles: viewers read, only admins and developers deploy; unknown services are 404', async () => {
    const { call, login } = setup({ deployPhaseMs: PHASE });
    const viewer = await login('viewer');
    for (const op of ['deploy', 'build', 'teardown']) {
      expect((await call('POST', `${SERVICES}/${ML}/${op}`, { token: viewer })).status, op).toBe(403);
    }
    expect((await call('GET', `${SERVICES}/${ML}/deployment-status`, { token: viewer })).status).toBe(200);
    expect((await call('GET', `${SERVICES}/${ML}/deployments`, { token: viewer })).status).toBe(200);
    expect((await call('GET', `${SERVICES}/${demoId(9999)}/deployment-status`, { token: viewer })).body).toEqual({
      detail: 'Service not found',
    });
    expect((await call('POST', `${SERVICES}/${ML}/deploy`)).status).toBe(401);
    const admin = await login('admin');
    expect((await call('POST', `${SERVICES}/${ML}/deploy`, { token: admin })).status).toBe(202);
  });

  it('history is newest first, paged, with who started each one', async () => {
    const { call, login } = setup({ deployPhaseMs: PHASE });
    const dev = await login('developer');
    const admin = await login('admin');
    const base = await persistentService(call, dev);
    await deployToActive(call, dev, base);
    expect((await call('POST', `${base}/build`, { token: admin })).status).toBe(202);
    tick(PHASE);
    expect((await call('POST', `${base}/teardown`, { token: dev })).status).toBe(202);
    const all = await history(call, dev, base);
    expect(all.total).toBe(3);
    expect(all.items.map((d) => [d.kind, d.started_by.email])).toEqual([
      ['teardown', 'developer@example.com'],
      ['build', 'admin@example.com'],
      ['deploy', 'developer@example.com'],
    ]);
    const started = all.items.map((d) => d.started_at);
    expect([...started].sort().reverse()).toEqual(started);
    const page = await call('GET', `${base}/deployments?limit=1&offset=1`, { token: dev });
    expect(page.body).toMatchObject({ total: 3, limit: 1, offset: 1, items: [{ kind: 'build' }] });
    expect((await call('GET', `${base}/deployments?limit=0`, { token: dev })).status).toBe(422);
  });

  it('Idempotency-Key on deploy replays the first response and starts nothing new', async () => {
    const { call, login } = setup({ deployPhaseMs: PHASE });
    const token = await login('developer');
    const base = await persistentService(call, token);
    const headers = { 'Idempotency-Key': 'deploy-1' };
    const a = await call('POST', `${base}/deploy`, { token, headers });
    const b = await call('POST', `${base}/deploy`, { token, headers });
    expect(b.status).toBe(202);
    expect(b.body.id).toBe(a.body.id);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect((await history(call, token, base)).total).toBe(1);
  });

  it('the state is computed from timestamps, so it moves on across a restart', async () => {
    const dataFile = join(dir(), 'state.json');
    const one = setup({ dataFile, deployPhaseMs: PHASE });
    const token = await one.login('developer');
    const base = await persistentService(one.call, token);
    expect((await one.call('POST', `${base}/deploy`, { token })).status).toBe(202);
    one.platform.close();

    tick(3 * PHASE);
    const two = createMockPlatform({ dataFile, deployPhaseMs: PHASE });
    const res = await two.app.request(`${base}/deployment-status`, { headers: { authorization: `Bearer ${token}` } });
    expect(await res.json()).toMatchObject({ deployment_state: 'active', health: 'healthy', synced: true });
    two.close();
  });

  it('the demo seed: history consistent with each service’s deployment_state', async () => {
    const { call, login } = setup();
    const token = await login('viewer');
    const get = (id: string) => status(call, token, `${SERVICES}/${id}`);

    expect(await get(ML)).toMatchObject({ deployment_state: 'active', health: 'healthy', synced: true, serving_version: 1 });
    expect((await history(call, token, `${SERVICES}/${ML}`)).items.map((d) => [d.kind, d.build, d.state])).toEqual([
      ['deploy', false, 'active'],
      ['teardown', false, 'torn_down'],
      ['deploy', true, 'torn_down'],
    ]);
    expect(await get(EMBEDDING)).toMatchObject({ deployment_state: 'active', synced: true, serving_version: 2 });
    expect((await history(call, token, `${SERVICES}/${EMBEDDING}`)).items[1]!.events.map((e) => e.state)).toEqual([
      'building',
      'built',
      'deploying',
      'active',
      'draining',
      'torn_down',
    ]);
    expect(await get(IMAGE)).toMatchObject({
      deployment_state: 'failed',
      health: 'healthy',
      message: 'Build failed: E: Unable to locate package nonexistent-libheif1',
      synced: true,
      serving_version: 1,
    });
    expect(await get(REPORT)).toMatchObject({ deployment_state: 'building', health: 'unknown', in_progress: true, serving_version: null });
    expect(await get(PDF)).toMatchObject({ deployment_state: 'built', health: 'unknown', synced: false });
    for (const [id, state] of [
      [ML, 'active'],
      [EMBEDDING, 'active'],
      [IMAGE, 'failed'],
      [REPORT, 'building'],
      [PDF, 'built'],
      [FRAUD, null],
    ] as const) {
      expect(await serviceState(call, token, `${SERVICES}/${id}`), id).toBe(state);
    }
  });
});
