// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Endpoint, EndpointPage, ServiceVersion } from '../../src/contract/versions';
import { demoId } from '../core/seed-ids';
import { SERVICES, byNumber, listVersions as versions, newService, setup } from '../test-helpers';
import { toolNames } from './rules';

type Call = ReturnType<typeof setup>['call'];

afterEach(() => vi.restoreAllMocks());

const EMBEDDING = demoId(1003);
const FRAUD = demoId(1004);
const TRANSLATION = demoId(1008);

const ep = (overrides: Record<string, unknown> = {}) => ({
  method: 'POST',
  path: '/documents/summarize',
  summary: 'Summarize a document',
  request_schema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
  response_schema: { type: 'object', properties: { summary: { type: 'string' } } },
  ...overrides,
});

/** A new service (draft v1) with one endpoint on its draft. */
async function freshService(call: Call, token: string, slug = 'doc-processor') {
  const svc = await call('POST', SERVICES, { token, body: newService({ slug, name: 'Doc Processor' }) });
  expect(svc.status).toBe(201);
  const id = svc.body.id as string;
  return { id, base: `${SERVICES}/${id}` };
}

describe('versions', () => {
  it('a new service has draft v1; a second draft is 409; the list is newest first', async () => {
    const { call, login } = setup();
    const token = await login('developer');
    const { id, base } = await freshService(call, token);
    const list = await versions(call, token, id);
    expect(list.map((v) => [v.version, v.status])).toEqual([[1, 'draft']]);
    const again = await call('POST', `${base}/versions`, { token });
    expect(again).toMatchObject({ status: 409, body: { detail: 'Version 1 is already a draft; publish or edit it' } });

    const fraud = await versions(call, token, FRAUD);
    expect(fraud.map((v) => v.version)).toEqual([2, 1]);
    const one = await call('GET', `${SERVICES}/${FRAUD}/versions/${fraud[1]!.id}`, { token });
    expect(ServiceVersion.parse(one.body).version).toBe(1);
    expect((await call('GET', `${SERVICES}/${FRAUD}/versions/${demoId(9999)}`, { token })).body).toEqual({ detail: 'Version not found' });
    // another service's version is not found either
    expect((await call('GET', `${SERVICES}/${EMBEDDING}/versions/${fraud[1]!.id}`, { token })).status).toBe(404);
  });

  it('a new version starts from the active version’s endpoints (copies, with new ids) and honours Idempotency-Key', async () => {
    const { call, login } = setup();
    const token = await login('developer');
    const live = EndpointPage.parse((await call('GET', `${SERVICES}/${EMBEDDING}/endpoints`, { token })).body).items;
    expect(live.length).toBeGreaterThan(0);
    const headers = { 'Idempotency-Key': 'new-version-1' };
    const created = await call('POST', `${SERVICES}/${EMBEDDING}/versions`, { token, headers });
    expect(created.status).toBe(201);
    const v = ServiceVersion.parse(created.body);
    expect(v).toMatchObject({ version: 3, status: 'draft', traffic_percent: 0, endpoint_snapshot: null, published_at: null });
    expect(created.headers.get('location')).toBe(`${SERVICES}/${EMBEDDING}/versions/${v.id}`);
    const replay = await call('POST', `${SERVICES}/${EMBEDDING}/versions`, { token, headers });
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(v.id);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');

    const draft = EndpointPage.parse((await call('GET', `${SERVICES}/${EMBEDDING}/endpoints`, { token })).body).items;
    expect(draft.map((e) => [e.method, e.path, e.request_schema])).toEqual(live.map((e) => [e.method, e.path, e.request_schema]));
    expect(draft.every((e) => e.version_id === v.id)).toBe(true);
    expect(draft.map((e) => e.id)).not.toEqual(live.map((e) => e.id));
    const svc = await call('GET', `${SERVICES}/${EMBEDDING}`, { token });
    expect(svc.body).toMatchObject({ draft_version: 3, draft_version_id: v.id, active_version: 2 });
  });

  it('the seed: published versions keep endpoint records and snapshots; fraud-scorer’s draft differs from v1', async () => {
    const { call, login } = setup();
    const token = await login('viewer');
    const [v2, v1] = await versions(call, token, FRAUD);
    const active = EndpointPage.parse((await call('GET', `${SERVICES}/${FRAUD}/endpoints?version_id=${v1!.id}`, { token })).body).items;
    const draft = EndpointPage.parse((await call('GET', `${SERVICES}/${FRAUD}/endpoints`, { token })).body).items;
    expect(draft.every((e) => e.version_id === v2!.id)).toBe(true);
    const routes = (xs: Endpoint[]) => xs.map((e) => `${e.method} ${e.path}`).sort();
    expect(routes(active)).toEqual(['GET /models', 'POST /score', 'POST /score/batch']);
    expect(routes(draft)).toEqual(['POST /feedback', 'POST /score', 'POST /score/batch']);
    const req = (xs: Endpoint[]) => xs.find((e) => e.path === '/score')!.request_schema.required;
    expect(req(active)).toEqual(['transaction']);
    expect(req(draft)).toEqual(['transaction', 'channel']);
    expect(v1!.endpoint_snapshot!.map((e) => `${e.method} ${e.path}`).sort()).toEqual(routes(active));
    expect(v1!.skill_snapshot!.tools!.map((t) => t.name).sort()).toEqual(['get_models', 'post_score', 'post_score_batch']);
    const emb = byNumber(await versions(call, token, EMBEDDING));
    expect(emb).toEqual({ 1: { status: 'draining', traffic: 80 }, 2: { status: 'active', traffic: 20 } });
    expect((await call('GET', `${SERVICES}/${FRAUD}/endpoints?version_id=${demoId(9999)}`, { token })).status).toBe(404);
    expect((await call('GET', `${SERVICES}/${TRANSLATION}/endpoints?version_id=nope`, { token })).status).toBe(422);
  });
});

describe('endpoints on the draft', () => {
  it('create, update, delete; duplicates and invalid JSON Schemas are rejected where they belong', async () => {
    const { call, login } = setup();
    const token = await login('developer');
    const { base } = await freshService(call, token);
    const created = await call('POST', `${base}/endpoints`, { token, body: ep({ description: 'Long text in, short text out' }) });
    expect(created.status).toBe(201);
    const e = Endpoint.parse(created.body);
    expect(created.headers.get('location')).toBe(`${base}/endpoints/${e.id}`);

    const dup = await call('POST', `${base}/endpoints`, { token, body: ep() });
    expect(dup).toMatchObject({
      status: 409,
      body: { detail: [{ loc: ['body', 'path'], msg: 'POST /documents/summarize already exists in this version', type: 'conflict' }] },
    });
    // the same path with another method is fine
    expect((await call('POST', `${base}/endpoints`, { token, body: ep({ method: 'GET', summary: 'Read it' }) })).status).toBe(201);

    const bad = async (schema: unknown) => {
      const res = await call('POST', `${base}/endpoints`, { token, body: ep({ path: '/bad', request_schema: schema }) });
      expect(res.status).toBe(422);
      return res.body.detail as { loc: (string | number)[]; msg: string }[];
    };
    expect((await bad({ type: 'strin' }))[0]!.loc).toEqual(['body', 'request_schema', 'type']);
    const notList = await bad({ type: 'object', properties: {}, required: 'text' });
    expect(notList[0]).toMatchObject({ loc: ['body', 'request_schema', 'required'], msg: 'required must be a list of property names' });
    expect((await bad({ type: 'object', properties: 'text' }))[0]!.loc).toEqual(['body', 'request_schema', 'properties']);
    expect((await bad({ type: 'object', properties: { a: { type: 'strin' } } }))[0]!.loc).toEqual([
      'body',
      'request_schema',
      'properties',
      'a',
      'type',
    ]);
    expect((await bad({ type: 'object', properties: { a: {} }, required: ['b'] }))[0]!.loc).toEqual(['body', 'request_schema', 'required']);
    const badResponse = await call('POST', `${base}/endpoints`, { token, body: ep({ path: '/bad', response_schema: { items: [] } }) });
    expect(badResponse.body.detail[0].loc.slice(0, 3)).toEqual(['body', 'response_schema', 'items']);
    expect(
      (await call('POST', `${base}/endpoints`, { token, body: ep({ path: 'no-slash', method: 'FETCH' }) })).body.detail
        .map((d: { loc: string[] }) => d.loc[1])
        .sort(),
    ).toEqual(['method', 'path']);

    const updated = await call('PUT', `${base}/endpoints/${e.id}`, {
      token,
      body: {
        summary: 'Summarize it',
        request_schema: {
          type: 'object',
          properties: { text: { type: 'string' }, words: { type: 'integer' } },
          required: ['text', 'words'],
        },
      },
    });
    expect(updated.status).toBe(200);
    expect(Endpoint.parse(updated.body)).toMatchObject({
      id: e.id,
      summary: 'Summarize it',
      path: '/documents/summarize',
      description: 'Long text in, short text out',
    });
    const clash = await call('PUT', `${base}/endpoints/${e.id}`, { token, body: { method: 'GET' } });
    expect(clash.status).toBe(409);
    expect(clash.body.detail[0].loc).toEqual(['body', 'path']);
    expect((await call('PUT', `${base}/endpoints/${e.id}`, { token, body: { request_schema: { type: 'strin' } } })).status).toBe(422);

    expect((await call('DELETE', `${base}/endpoints/${e.id}`, { token })).status).toBe(204);
    expect((await call('DELETE', `${base}/endpoints/${e.id}`, { token })).body).toEqual({ detail: 'Endpoint not found' });
    const list = EndpointPage.parse((await call('GET', `${base}/endpoints`, { token })).body);
    expect(list.items.map((x) => x.method)).toEqual(['GET']);
  });

  it('POST honours Idempotency-Key; no draft → 409', async () => {
    const { call, login } = setup();
    const token = await login('developer');
    const { base } = await freshService(call, token);
    const headers = { 'Idempotency-Key': 'ep-1' };
    const a = await call('POST', `${base}/endpoints`, { token, body: ep(), headers });
    const b = await call('POST', `${base}/endpoints`, { token, body: ep(), headers });
    expect(b.body.id).toBe(a.body.id);
    expect((await call('POST', `${base}/endpoints`, { token, body: ep({ summary: 'other' }), headers })).status).toBe(422);
    expect((await call('POST', `${base}/publish`, { token })).status).toBe(200);
    const none = await call('POST', `${base}/endpoints`, { token, body: ep({ path: '/x' }) });
    expect(none).toMatchObject({
      status: 409,
      body: { detail: 'This service has no draft version. Create a new version to change endpoints.' },
    });
    expect((await call('POST', `${base}/publish`, { token })).status).toBe(409);
  });

  it('a published version’s endpoints cannot change', async () => {
    const { call, login } = setup();
    const token = await login('developer');
    const [, v1] = await versions(call, token, FRAUD);
    const live = EndpointPage.parse((await call('GET', `${SERVICES}/${FRAUD}/endpoints?version_id=${v1!.id}`, { token })).body).items;
    const target = live[0]!;
    const msg = { detail: 'Version 1 is published; its endpoints cannot change. Create a new version.' };
    expect(await call('PUT', `${SERVICES}/${FRAUD}/endpoints/${target.id}`, { token, body: { summary: 'x' } })).toMatchObject({
      status: 409,
      body: msg,
    });
    expect(await call('DELETE', `${SERVICES}/${FRAUD}/endpoints/${target.id}`, { token })).toMatchObject({ status: 409, body: msg });
    // another service's endpoint is not found
    expect((await call('DELETE', `${SERVICES}/${EMBEDDING}/endpoints/${target.id}`, { token })).body).toEqual({
      detail: 'Endpoint not found',
    });
  });
});

describe('publish', () => {
  it('no endpoints → 422; at 100 then another at 20 → 80/20; publishing twice → 409', async () => {
    const { call, login } = setup();
    const token = await login('developer');
    const { id, base } = await freshService(call, token);
    const [draft1] = await versions(call, token, id);
    const empty = await call('POST', `${base}/versions/${draft1!.id}/publish`, { token, body: { traffic_percent: 100 } });
    expect(empty).toMatchObject({ status: 422, body: { detail: 'Version 1 has no endpoints; add at least one before publishing' } });

    await call('POST', `${base}/endpoints`, { token, body: ep() });
    await call('POST', `${base}/endpoints`, {
      token,
      body: ep({ method: 'GET', path: '/documents/{document_id}', summary: 'Get a document' }),
    });
    // no body: 100%
    const p1 = await call('POST', `${base}/versions/${draft1!.id}/publish`, { token });
    expect(p1.status).toBe(200);
    const v1 = ServiceVersion.parse(p1.body);
    expect(v1).toMatchObject({ version: 1, status: 'active', traffic_percent: 100 });
    expect(v1.published_at).not.toBeNull();
    expect(v1.endpoint_snapshot!.map((e) => `${e.method} ${e.path}`)).toEqual([
      'POST /documents/summarize',
      'GET /documents/{document_id}',
    ]);
    expect(v1.skill_snapshot!.tools).toEqual([
      {
        name: 'post_documents_summarize',
        description: 'Summarize a document',
        method: 'POST',
        path: '/documents/summarize',
        input_schema: ep().request_schema,
      },
      {
        name: 'get_documents_document_id',
        description: 'Get a document',
        method: 'GET',
        path: '/documents/{document_id}',
        input_schema: ep().request_schema,
      },
    ]);
    expect((await call('GET', base, { token })).body).toMatchObject({ status: 'active', active_version: 1, draft_version: null });

    const twice = await call('POST', `${base}/versions/${draft1!.id}/publish`, { token, body: { traffic_percent: 50 } });
    expect(twice).toMatchObject({ status: 409, body: { detail: 'Version 1 is already published' } });

    const v2 = ServiceVersion.parse((await call('POST', `${base}/versions`, { token })).body);
    const p2 = await call('POST', `${base}/versions/${v2.id}/publish`, { token, body: { traffic_percent: 20 } });
    expect(p2.body).toMatchObject({ version: 2, status: 'active', traffic_percent: 20 });
    expect(byNumber(await versions(call, token, id))).toEqual({
      1: { status: 'draining', traffic: 80 },
      2: { status: 'active', traffic: 20 },
    });

    // a third at 50: the others keep their 80:20 proportion of the remaining 50
    await call('POST', `${base}/versions`, { token });
    expect((await call('POST', `${base}/publish`, { token, body: { traffic_percent: 50 } })).status).toBe(200);
    expect(byNumber(await versions(call, token, id))).toEqual({
      1: { status: 'draining', traffic: 40 },
      2: { status: 'draining', traffic: 10 },
      3: { status: 'active', traffic: 50 },
    });
    // and a fourth at 100: everything before it drains with 0% (seed 000), then is archived once drained
    await call('POST', `${base}/versions`, { token });
    const p4 = await call('POST', `${base}/publish`, { token });
    expect(p4.body).toMatchObject({ version: 4, traffic_percent: 100 });
    const draining = await versions(call, token, id);
    expect(byNumber(draining)).toMatchObject({
      1: { status: 'draining', traffic: 0 },
      2: { status: 'draining', traffic: 0 },
      3: { status: 'draining', traffic: 0 },
    });
    for (const v of draining.slice(1)) expect(Date.parse(v.drain_ends_at!) - Date.parse(p4.body.published_at)).toBe(60_000);
    vi.spyOn(Date, 'now').mockReturnValue(Date.parse(p4.body.published_at) + 60_000);
    expect(byNumber(await versions(call, token, id))).toMatchObject({
      1: { status: 'archived', traffic: 0 },
      2: { status: 'archived' },
      3: { status: 'archived' },
      4: { status: 'active' },
    });
    const archived = await call('POST', `${base}/versions/${draft1!.id}/publish`, { token });
    expect(archived.body).toEqual({ detail: 'Version 1 is archived' });
    expect((await call('POST', `${base}/versions/${draft1!.id}/publish`, { token, body: { traffic_percent: 0 } })).status).toBe(422);
  });

  it('tool names are snake_case and unique', () => {
    expect(
      toolNames([
        { method: 'GET', path: '/a-b' },
        { method: 'GET', path: '/a_b' },
        { method: 'POST', path: '/getUserById' },
      ]),
    ).toEqual(['get_a_b', 'get_a_b_2', 'post_get_user_by_id']);
  });
});

describe('roles and malformed input', () => {
  it('viewers read everything and write nothing (403)', async () => {
    const { call, login } = setup();
    const token = await login('viewer');
    const [v2, v1] = await versions(call, token, FRAUD);
    const draftEp = EndpointPage.parse((await call('GET', `${SERVICES}/${FRAUD}/endpoints`, { token })).body).items[0]!;
    const writes: [string, string, unknown][] = [
      ['POST', `${SERVICES}/${FRAUD}/versions`, undefined],
      ['POST', `${SERVICES}/${FRAUD}/versions/${v2!.id}/publish`, { traffic_percent: 10 }],
      ['POST', `${SERVICES}/${FRAUD}/publish`, undefined],
      ['POST', `${SERVICES}/${FRAUD}/endpoints`, ep()],
      ['PUT', `${SERVICES}/${FRAUD}/endpoints/${draftEp.id}`, { summary: 'x' }],
      ['DELETE', `${SERVICES}/${FRAUD}/endpoints/${draftEp.id}`, undefined],
      ['PUT', `${SERVICES}/${FRAUD}/traffic`, { allocations: [{ version_id: v1!.id, percent: 100 }] }],
    ];
    for (const [method, path, body] of writes) {
      const res = await call(method, path, { token, body });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.detail).toMatch(/^Your role \(viewer\) cannot /);
    }
    for (const p of ['versions', 'endpoints', 'openapi.json', 'stubs/python', 'stubs/typescript']) {
      expect((await call('GET', `${SERVICES}/${FRAUD}/${p}`, { token })).status, p).toBe(200);
    }
    expect((await call('GET', `${SERVICES}/${FRAUD}/versions`, { token: null })).status).toBe(401);
  });

  it('never a 500, whatever the body or query', async () => {
    const { call, login } = setup();
    const token = await login('admin');
    const [v2] = await versions(call, token, FRAUD);
    const draftEp = EndpointPage.parse((await call('GET', `${SERVICES}/${FRAUD}/endpoints`, { token })).body).items[0]!;
    let deep: unknown = { type: 'string' };
    for (let i = 0; i < 3000; i++) deep = { type: 'array', items: deep };
    const bodies: { raw?: string; body?: unknown }[] = [
      { raw: 'not json' },
      { raw: '' },
      { body: null },
      { body: [] },
      { body: 'x' },
      { body: { method: 'POST', path: '/x', summary: 's', request_schema: null } },
      { body: { method: 'POST', path: '/x', summary: 's', request_schema: deep } },
      { body: { method: 'POST', path: '/x', summary: 's', request_schema: { type: 'object', pattern: '(' } } },
      { body: { allocations: 'all' } },
      { body: { allocations: [{ version_id: 'x', percent: 1.5 }] } },
      { body: { traffic_percent: '50' } },
    ];
    const targets: [string, string][] = [
      ['POST', `${SERVICES}/${FRAUD}/endpoints`],
      ['PUT', `${SERVICES}/${FRAUD}/endpoints/${draftEp.id}`],
      ['PUT', `${SERVICES}/${FRAUD}/traffic`],
      ['POST', `${SERVICES}/${FRAUD}/versions/${v2!.id}/publish`],
    ];
    for (const [method, path] of targets) {
      for (const b of bodies) {
        const res = await call(method, path, { token, ...b });
        expect(res.status, `${method} ${path} ${JSON.stringify(b).slice(0, 80)}`).toBeLessThan(500);
      }
    }
    for (const q of ['?version=0', '?version=abc', '?version=1.5', '?version=99', '?version=2', '?version=-1']) {
      for (const p of ['openapi.json', 'stubs/python', 'stubs/typescript']) {
        const res = await call('GET', `${SERVICES}/${FRAUD}/${p}${q}`, { token });
        expect(res.status, `${p}${q}`).toBeLessThan(500);
      }
    }
    for (const q of ['?version_id=x', '?limit=0', '?limit=abc', '?offset=-1']) {
      expect((await call('GET', `${SERVICES}/${FRAUD}/endpoints${q}`, { token })).status).toBe(422);
      expect((await call('GET', `${SERVICES}/${FRAUD}/versions${q}`, { token })).status).toBeLessThan(500);
    }
  });
});
