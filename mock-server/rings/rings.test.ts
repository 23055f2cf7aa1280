// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Ring, RingPage } from '../../src/contract/rings';
import { API, bodyOf, IDS, newService, NOT_AN_OBJECT, ORG, SERVICES, setup, WS } from '../test-helpers';

const RINGS = `${API}/orgs/${ORG}/workspaces/${WS}/deployments/rings`;
const R = IDS.rings.production;

type Call = ReturnType<typeof setup>['call'];
async function order(call: Call, token: string) {
  return bodyOf(await call('GET', RINGS, { token }), 200, RingPage).items.map((r) => [r.name, r.position]);
}

describe('rings', () => {
  it('resolves a ring by name (client.rings.resolve("dev")), for every role', async () => {
    const { call, login } = setup();
    const token = await login('viewer');
    const res = await call('GET', `${RINGS}?name=staging`, { token });
    expect(res.status).toBe(200);
    expect(RingPage.parse(res.body)).toMatchObject({ total: 1, items: [{ id: R.staging, name: 'staging', position: 1 }] });
    expect((await call('GET', `${RINGS}?name=nope`, { token })).body).toMatchObject({ total: 0, items: [] });
    const one = await call('GET', `${RINGS}/${R.dev}`, { token });
    expect(Ring.parse(one.body)).toMatchObject({ name: 'dev', position: 0 });
    expect(one.body).not.toHaveProperty('workspace_id');
    // another workspace's ring, an unknown and a malformed id are all 404
    for (const id of [IDS.rings.research.dev, IDS.org, 'nope']) {
      expect(await call('GET', `${RINGS}/${id}`, { token })).toMatchObject({ status: 404, body: { detail: 'Ring not found' } });
    }
  });

  it('creates at a position (others shift) or last; a duplicate name is a 409 on the field; Idempotency-Key replays', async () => {
    const { call, login } = setup();
    const token = await login('admin');
    const headers = { 'Idempotency-Key': 'ring-1' };
    const created = await call('POST', RINGS, { token, headers, body: { name: 'canary', description: 'Canary', position: 1 } });
    expect(created.status).toBe(201);
    expect(Ring.parse(created.body)).toMatchObject({ name: 'canary', description: 'Canary', position: 1 });
    expect(created.headers.get('location')).toBe(`${RINGS}/${created.body.id}`);
    const replay = await call('POST', RINGS, { token, headers, body: { name: 'canary', description: 'Canary', position: 1 } });
    expect(replay).toMatchObject({ status: 201, body: { id: created.body.id } });
    expect(await order(call, token)).toEqual([
      ['dev', 0],
      ['canary', 1],
      ['staging', 2],
      ['prod', 3],
    ]);
    const last = await call('POST', RINGS, { token, body: { name: 'eu-prod' } });
    expect(last.body).toMatchObject({ position: 4, description: null });
    const far = await call('POST', RINGS, { token, body: { name: 'far', position: 99 } });
    expect(far.body.position).toBe(5);
    const dup = await call('POST', RINGS, { token, body: { name: 'staging' } });
    expect(dup.status).toBe(409);
    expect(dup.body.detail).toEqual([
      { loc: ['body', 'name'], msg: "A ring named 'staging' already exists in this workspace", type: 'conflict' },
    ]);
    // the same name in another workspace is fine
    const research = `${API}/orgs/${ORG}/workspaces/${IDS.research}/deployments/rings`;
    expect((await call('POST', research, { token, body: { name: 'canary' } })).status).toBe(201);
  });

  it('renames (unique) and moves a ring; positions stay 0..n-1', async () => {
    const { call, login } = setup();
    const token = await login('admin');
    const clash = await call('PUT', `${RINGS}/${R.staging}`, { token, body: { name: 'prod' } });
    expect(clash.status).toBe(409);
    expect(clash.body.detail[0].loc).toEqual(['body', 'name']);
    // renaming to its own name is not a clash
    expect((await call('PUT', `${RINGS}/${R.staging}`, { token, body: { name: 'staging' } })).status).toBe(200);
    const renamed = await call('PUT', `${RINGS}/${R.staging}`, { token, body: { name: 'qa', description: null } });
    expect(Ring.parse(renamed.body)).toMatchObject({ name: 'qa', description: null, position: 1 });
    const moved = await call('PUT', `${RINGS}/${R.prod}`, { token, body: { position: 0 } });
    expect(moved.body).toMatchObject({ name: 'prod', position: 0 });
    expect(await order(call, token)).toEqual([
      ['prod', 0],
      ['dev', 1],
      ['qa', 2],
    ]);
    await call('PUT', `${RINGS}/${R.prod}`, { token, body: { position: 50 } });
    expect(await order(call, token)).toEqual([
      ['dev', 0],
      ['qa', 1],
      ['prod', 2],
    ]);
    expect((await call('GET', `${RINGS}?name=qa`, { token })).body.items[0].id).toBe(R.staging);
  });

  it('deleting a ring that services use is a 409 naming them; otherwise 204 and positions close up', async () => {
    const { call, login } = setup();
    const token = await login('admin');
    const inUse = await call('DELETE', `${RINGS}/${R.staging}`, { token });
    expect(inUse).toMatchObject({
      status: 409,
      body: { detail: 'Ring staging is used by 3 services: image-classifier, sentiment-analyzer, translation-gateway; move them first' },
    });
    const canary = await call('POST', RINGS, { token, body: { name: 'canary', position: 0 } });
    const svc = await call('POST', SERVICES, { token, body: newService({ ring_id: canary.body.id }) });
    expect(svc.status).toBe(201);
    expect((await call('DELETE', `${RINGS}/${canary.body.id}`, { token })).body).toEqual({
      detail: 'Ring canary is used by 1 service: document-processor; move them first',
    });
    expect((await call('PUT', `${SERVICES}/${svc.body.id}`, { token, body: { ring_id: R.dev } })).status).toBe(200);
    expect((await call('DELETE', `${RINGS}/${canary.body.id}`, { token })).status).toBe(204);
    expect(await order(call, token)).toEqual([
      ['dev', 0],
      ['staging', 1],
      ['prod', 2],
    ]);
    expect((await call('GET', `${RINGS}/${canary.body.id}`, { token })).status).toBe(404);
    // a deleted ring cannot be named by a service
    const orphan = await call('POST', SERVICES, { token, body: newService({ slug: 'orphan', ring_id: canary.body.id }) });
    expect(orphan.body.detail).toEqual([{ loc: ['body', 'ring_id'], msg: 'Ring not found', type: 'value_error' }]);
  });

  it('only admins write rings (developer and viewer: 403); a 404 comes before the 403', async () => {
    const { call, login } = setup();
    for (const role of ['developer', 'viewer'] as const) {
      const token = await login(role);
      for (const [method, path, body] of [
        ['POST', RINGS, { name: 'x' }],
        ['PUT', `${RINGS}/${R.dev}`, { name: 'y' }],
        ['DELETE', `${RINGS}/${R.dev}`, undefined],
      ] as const) {
        const res = await call(method, path, { token, body });
        expect(res, `${role} ${method}`).toMatchObject({ status: 403, body: { detail: `Your role (${role}) cannot manage rings` } });
      }
      expect((await call('DELETE', `${RINGS}/${IDS.org}`, { token })).status).toBe(404);
    }
    expect((await call('POST', RINGS, { body: { name: 'x' } })).status).toBe(401);
  });

  it.each([
    [{ name: '' }, ['body', 'name']],
    [{ name: 'Bad Name' }, ['body', 'name']],
    [{ name: '1st' }, ['body', 'name']],
    [{ name: 'x'.repeat(64) }, ['body', 'name']],
    [{ name: 'ok', position: -1 }, ['body', 'position']],
    [{ name: 'ok', position: 1.5 }, ['body', 'position']],
    [{ name: 'ok', position: '1' }, ['body', 'position']],
    [{ name: 'ok', extra: 1 }, ['body', 'extra']],
    [{}, ['body', 'name']],
  ])('create %j → 422 at %j', async (body, loc) => {
    const { call, login } = setup();
    const res = await call('POST', RINGS, { token: await login(), body });
    expect(res.status).toBe(422);
    expect(res.body.detail.map((d: { loc: unknown }) => d.loc)).toContainEqual(loc);
  });

  it('garbage on every ring write is a 4xx, never a 500', async () => {
    const { call, login } = setup();
    const token = await login();
    for (const raw of [...NOT_AN_OBJECT, '{"name": null}', '{"position": {"a": 1}}', '{"description": 5}', '{"__proto__": {"x": 1}}']) {
      for (const [method, path] of [
        ['POST', RINGS],
        ['PUT', `${RINGS}/${R.dev}`],
      ] as const) {
        const res = await call(method, path, { token, raw });
        expect(res.status, `${method} ${raw}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${method} ${raw}`).toBeLessThan(500);
      }
    }
    for (const qs of ['name=', 'name=%E0%A4%A', 'name=a&name=b', 'limit=0'])
      expect((await call('GET', `${RINGS}?${qs}`, { token })).status).toBeLessThan(500);
  });
});
