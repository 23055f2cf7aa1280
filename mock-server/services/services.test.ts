// @vitest-environment node
import { describe, expect, it, vi, afterEach } from 'vitest';
import { HostedService, ServicePage } from '../../src/contract/services';
import { bodyOf, IDS, newService, RESEARCH_SERVICES, RING_DEV, RING_PROD, SERVICES, setup } from '../test-helpers';

afterEach(() => {
  vi.useRealTimers();
});

const ids = (page: { items: { slug: string }[] }) => page.items.map((s) => s.slug);

describe('list hosted services', () => {
  it('defaults: limit 25, offset 0, newest first, envelope valid', async () => {
    const { call, login } = setup();
    const res = await call('GET', SERVICES, { token: await login('viewer') });
    const page = bodyOf(res, 200, ServicePage);
    expect(page).toMatchObject({ limit: 25, offset: 0, total: 13 });
    const created = page.items.map((s) => s.created_at);
    expect([...created].sort().reverse()).toEqual(created);
  });

  it('limit and offset paginate', async () => {
    const { call, login } = setup();
    const token = await login();
    const all = (await call('GET', `${SERVICES}?limit=100`, { token })).body;
    const p1 = (await call('GET', `${SERVICES}?limit=5&offset=0`, { token })).body;
    const p3 = (await call('GET', `${SERVICES}?limit=5&offset=10`, { token })).body;
    expect(ids(p1)).toEqual(ids(all).slice(0, 5));
    expect(ids(p3)).toEqual(ids(all).slice(10, 15));
    expect(p3).toMatchObject({ total: 13, limit: 5, offset: 10 });
    expect(p3.items).toHaveLength(3);
    expect((await call('GET', `${SERVICES}?offset=500`, { token })).body).toMatchObject({ items: [], total: 13 });
  });

  it('sort and order', async () => {
    const { call, login } = setup();
    const token = await login();
    const byName = ids((await call('GET', `${SERVICES}?sort=name&order=asc&limit=100`, { token })).body);
    expect(byName[0]).toBe('contract-summarizer');
    expect(byName).toEqual([...byName].sort());
    const bySlugDesc = ids((await call('GET', `${SERVICES}?sort=slug&order=desc&limit=100`, { token })).body);
    expect(bySlugDesc).toEqual([...bySlugDesc].sort().reverse());
    const byStatus = (await call('GET', `${SERVICES}?sort=status&order=asc&limit=100`, { token })).body.items.map(
      (s: { status: string }) => s.status,
    );
    expect(byStatus).toEqual([...byStatus].sort());
    const byUpdated = (await call('GET', `${SERVICES}?sort=updated_at&order=asc`, { token })).body.items.map(
      (s: { updated_at: string }) => s.updated_at,
    );
    expect(byUpdated).toEqual([...byUpdated].sort());
  });

  it('search covers name and description, case-insensitively', async () => {
    const { call, login } = setup();
    const token = await login();
    expect(ids((await call('GET', `${SERVICES}?search=INVOICE`, { token })).body).sort()).toEqual(['invoice-extractor', 'legacy-ocr']);
    expect(ids((await call('GET', `${SERVICES}?search=semantic%20search`, { token })).body)).toEqual(['embedding-service']);
    expect((await call('GET', `${SERVICES}?search=zzz-nothing`, { token })).body).toMatchObject({ items: [], total: 0 });
    expect((await call('GET', `${SERVICES}?search=`, { token })).body.total).toBe(13);
  });

  it('filters by status and execution_mode, combined with search', async () => {
    const { call, login } = setup();
    const token = await login();
    const drafts = (await call('GET', `${SERVICES}?status=draft`, { token })).body;
    expect(drafts.items.every((s: { status: string }) => s.status === 'draft')).toBe(true);
    expect(drafts.total).toBe(3);
    expect(ids((await call('GET', `${SERVICES}?status=archived`, { token })).body)).toEqual(['legacy-ocr']);
    const persistent = (await call('GET', `${SERVICES}?execution_mode=persistent`, { token })).body;
    expect(persistent.total).toBe(6);
    expect(ids((await call('GET', `${SERVICES}?execution_mode=persistent&status=active&search=image`, { token })).body)).toEqual([
      'image-classifier',
    ]);
  });

  it('cached searches see writes', async () => {
    const { call, login } = setup();
    const token = await login();
    expect((await call('GET', `${SERVICES}?search=processor&status=draft`, { token })).body.total).toBe(0);
    const created = await call('POST', SERVICES, { token, body: newService() });
    expect((await call('GET', `${SERVICES}?search=processor&status=draft`, { token })).body.total).toBe(1);
    await call('PUT', `${SERVICES}/${created.body.id}`, { token, body: { name: 'Renamed' } });
    expect((await call('GET', `${SERVICES}?search=processor&status=draft`, { token })).body.total).toBe(0);
    expect((await call('GET', `${SERVICES}?search=renamed&order=asc`, { token })).body.total).toBe(1);
  });

  it('lists only the workspace’s services', async () => {
    const { call, login } = setup();
    const res = await call('GET', RESEARCH_SERVICES, { token: await login() });
    expect(ids(res.body).sort()).toEqual(['dataset-labeler', 'experiment-runner', 'prompt-evaluator']);
  });

  // The common parameters are checked on every list, services' too (lists.test.ts); here services' own sort fields and filters.
  it.each([
    ['sort=price', 'sort', 'enum'],
    ['status=running', 'status', 'enum'],
    ['execution_mode=batch', 'execution_mode', 'enum'],
  ])('bad query %s → 422 on [query, %s]', async (qs, name, type) => {
    const { call, login } = setup();
    const res = await call('GET', `${SERVICES}?${qs}`, { token: await login() });
    expect(res.status).toBe(422);
    expect(res.body.detail).toEqual([expect.objectContaining({ loc: ['query', name], type })]);
  });
});

describe('seeded services', () => {
  it('derive active and draft versions from the versions collection', async () => {
    const { call, login } = setup();
    const token = await login();
    const all = (await call('GET', `${SERVICES}?limit=100`, { token })).body.items as HostedService[];
    const by = Object.fromEntries(all.map((s) => [s.slug, s]));
    expect(by['embedding-service']).toMatchObject({ status: 'active', active_version: 2, draft_version: null, deployment_state: 'active' });
    expect(by['fraud-scorer']).toMatchObject({ active_version: 1, draft_version: 2 });
    expect(by['contract-summarizer']).toMatchObject({ status: 'draft', active_version: null, draft_version: 1 });
    expect(by['legacy-ocr']).toMatchObject({ status: 'archived', active_version: null });
    expect(by['image-classifier']!.deployment_state).toBe('failed');
    expect(by['report-generator']!.deployment_state).toBe('building');
    expect(by['ml-inference']).toMatchObject({ min_replicas: 1, max_replicas: 5, system_packages: ['libgomp1'] });
  });

  it('has a canary: v2 active at 20%, v1 draining at 80%', () => {
    const { platform } = setup();
    const svc = [...platform.store.services.values()].find((s) => s.slug === 'embedding-service')!;
    expect(platform.store.versionsOf(svc.id).map((v) => [v.version, v.status, v.traffic_percent])).toEqual([
      [1, 'draining', 80],
      [2, 'active', 20],
    ]);
  });
});

describe('create', () => {
  it('creates a draft with version 1 and a Location header', async () => {
    const { call, login, platform } = setup();
    const token = await login('developer');
    const res = await call('POST', SERVICES, { token, body: newService({ description: 'Processes and summarizes uploaded documents' }) });
    const svc = bodyOf(res, 201, HostedService);
    expect(svc).toMatchObject({
      status: 'draft',
      slug: 'document-processor',
      execution_mode: 'invocation',
      ring_id: RING_DEV,
      draft_version: 1,
      active_version: null,
      min_replicas: 0,
      max_replicas: 10,
      concurrency_per_replica: 80,
      system_packages: [],
    });
    expect(res.headers.get('location')).toBe(`${SERVICES}/${svc.id}`);
    expect(platform.store.versionsOf(svc.id)).toEqual([
      expect.objectContaining({ version: 1, status: 'draft', id: svc.draft_version_id, published_at: null }),
    ]);
    const got = await call('GET', `${SERVICES}/${svc.id}`, { token });
    expect(got.body).toEqual(res.body);
    expect((await call('GET', `${SERVICES}?search=document%20PROCESSOR`, { token })).body.total).toBe(1);
  });

  it('accepts the exact payloads of seed 000 (curl and httpx) once the ring id is substituted', async () => {
    const { call, login } = setup();
    const token = await login();
    const curl = JSON.parse(
      `{
    "slug": "document-processor",
    "name": "Document Processor",
    "execution_mode": "invocation",
    "ring_id": "uuid-of-ring"
  }`.replace('uuid-of-ring', RING_DEV),
    );
    expect((await call('POST', SERVICES, { token, body: curl })).status).toBe(201);
    const httpx = {
      slug: 'document-processor',
      name: 'Document Processor',
      execution_mode: 'invocation',
      ring_id: RING_DEV,
      description: 'Processes and summarizes uploaded documents',
    };
    const res = await call('POST', RESEARCH_SERVICES, { token, body: { ...httpx, ring_id: IDS.rings.research.dev } });
    expect(res.status).toBe(201);
    expect(res.body.description).toBe('Processes and summarizes uploaded documents');
    // and seed 000's persistent example
    const ml = {
      slug: 'ml-inference-2',
      name: 'ML Inference Service',
      execution_mode: 'persistent',
      min_replicas: 1,
      max_replicas: 5,
      concurrency_per_replica: 80,
      scale_threshold: null,
      startup_timeout_seconds: 120,
      base_image: null,
      system_packages: ['libgomp1'],
    };
    const p = await call('POST', SERVICES, { token, body: ml });
    expect(p.status).toBe(201);
    expect(p.body).toMatchObject({ ...ml, ring_id: null });
  });

  it('the uuid placeholder itself is a 422 on ring_id', async () => {
    const { call, login } = setup();
    const res = await call('POST', SERVICES, { token: await login(), body: newService({ ring_id: 'uuid-of-ring' }) });
    expect(res.status).toBe(422);
    expect(res.body.detail).toEqual([{ loc: ['body', 'ring_id'], msg: 'Invalid UUID', type: 'uuid_parsing' }]);
  });

  it.each([
    ['missing name', { name: undefined }, ['body', 'name'], 'missing'],
    ['missing slug', { slug: undefined }, ['body', 'slug'], 'missing'],
    ['blank name', { name: '   ' }, ['body', 'name'], 'string_too_short'],
    ['long name', { name: 'n'.repeat(101) }, ['body', 'name'], 'string_too_long'],
    ['slug with capitals', { slug: 'Document_Processor' }, ['body', 'slug'], 'string_pattern_mismatch'],
    ['short slug', { slug: 'ab' }, ['body', 'slug'], 'string_too_short'],
    ['double hyphen', { slug: 'a--b' }, ['body', 'slug'], 'string_pattern_mismatch'],
    ['name as number', { name: 42 }, ['body', 'name'], 'string_type'],
    ['unknown mode', { execution_mode: 'batch' }, ['body', 'execution_mode'], 'enum'],
    ['extra field', { owner: 'me' }, ['body', 'owner'], 'extra_forbidden'],
    ['invocation without ring', { ring_id: null }, ['body', 'ring_id'], 'custom'],
    ['min > max', { execution_mode: 'persistent', min_replicas: 6, max_replicas: 5 }, ['body', 'max_replicas'], 'custom'],
    ['fractional replicas', { min_replicas: 1.5 }, ['body', 'min_replicas'], 'int_type'],
    ['unknown ring', { ring_id: '0f6f2d6e-0000-4000-8000-000000000099' }, ['body', 'ring_id'], 'value_error'],
    ['ring of another workspace', { ring_id: IDS.rings.research.dev }, ['body', 'ring_id'], 'value_error'],
    [
      'bad binding name',
      { connector_bindings: { 'Primary-DB': { connector_instance_id: RING_DEV, role: 'read_write' } } },
      ['body', 'connector_bindings', 'Primary-DB'],
      'value_error',
    ],
    [
      'bad binding role',
      { connector_bindings: { primary_db: { connector_instance_id: RING_DEV, role: 'admin' } } },
      ['body', 'connector_bindings', 'primary_db', 'role'],
      'enum',
    ],
    [
      'unknown connector instance',
      { connector_bindings: { primary_db: { connector_instance_id: RING_DEV, role: 'read_write' } } },
      ['body', 'connector_bindings', 'primary_db', 'connector_instance_id'],
      'value_error',
    ],
    ['duplicate system packages', { system_packages: ['curl', 'curl'] }, ['body', 'system_packages'], 'custom'],
  ])('%s → 422', async (_label, override, loc, type) => {
    const { call, login } = setup();
    const body: Record<string, unknown> = newService(override);
    for (const [k, v] of Object.entries(override)) if (v === undefined) delete body[k];
    const res = await call('POST', SERVICES, { token: await login(), body });
    expect(res.status).toBe(422);
    const hit = res.body.detail.find((d: { loc: unknown[] }) => JSON.stringify(d.loc) === JSON.stringify(loc));
    expect(hit, JSON.stringify(res.body)).toBeDefined();
    expect(type === 'custom' ? 'value_error' : type).toBe(hit.type);
    expect(typeof hit.msg).toBe('string');
  });

  it('messages: Ring not found, Connector instance not found, cross-field text', async () => {
    const { call, login } = setup();
    const token = await login();
    const ring = await call('POST', SERVICES, { token, body: newService({ ring_id: '0f6f2d6e-0000-4000-8000-000000000099' }) });
    expect(ring.body.detail).toEqual([{ loc: ['body', 'ring_id'], msg: 'Ring not found', type: 'value_error' }]);
    const noRing = await call('POST', SERVICES, { token, body: newService({ ring_id: undefined }) });
    expect(noRing.body.detail).toEqual([{ loc: ['body', 'ring_id'], msg: 'A ring is required for invocation mode', type: 'value_error' }]);
    const inst = await call('POST', SERVICES, {
      token,
      body: newService({ connector_bindings: { s3_storage: { connector_instance_id: RING_DEV, role: 'read_only' } } }),
    });
    expect(inst.body.detail[0].msg).toBe('Connector instance not found');
  });

  it('duplicate slug → 409 with a field-located detail; other workspaces may reuse it', async () => {
    const { call, login } = setup();
    const token = await login();
    const res = await call('POST', SERVICES, { token, body: newService({ slug: 'invoice-extractor' }) });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      detail: [
        { loc: ['body', 'slug'], msg: "A service with slug 'invoice-extractor' already exists in this workspace", type: 'conflict' },
      ],
    });
    const other = await call('POST', RESEARCH_SERVICES, {
      token,
      body: newService({ slug: 'invoice-extractor', ring_id: IDS.rings.research.prod }),
    });
    expect(other.status).toBe(201);
  });

  it('viewer → 403; developer and admin may create', async () => {
    const { call, login } = setup();
    const res = await call('POST', SERVICES, { token: await login('viewer'), body: newService() });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ detail: 'Your role (viewer) cannot create hosted services' });
    expect((await call('POST', SERVICES, { token: await login('developer'), body: newService() })).status).toBe(201);
    expect((await call('POST', SERVICES, { token: await login('admin'), body: newService({ slug: 'other-one' }) })).status).toBe(201);
  });
});

describe('get', () => {
  it('unknown or malformed ids → 404 Service not found', async () => {
    const { call, login } = setup();
    const token = await login('viewer');
    expect((await call('GET', `${SERVICES}/0f6f2d6e-0000-4000-8000-000000001001`, { token })).body.slug).toBe('invoice-extractor');
    for (const id of ['0f6f2d6e-0000-4000-8000-000000009999', 'not-a-uuid', '%F0%9F%92%A5', '1']) {
      const res = await call('GET', `${SERVICES}/${id}`, { token });
      expect(res).toMatchObject({ status: 404, body: { detail: 'Service not found' } });
    }
    // a service of another workspace is not found through this one
    const research = `${RESEARCH_SERVICES}/0f6f2d6e-0000-4000-8000-000000001001`;
    expect((await call('GET', research, { token })).status).toBe(404);
  });
});

describe('update', () => {
  async function created(role: 'admin' | 'developer' = 'developer', body = newService()) {
    const ctx = setup();
    const token = await ctx.login(role);
    const res = await ctx.call('POST', SERVICES, { token, body });
    return { ...ctx, token, svc: res.body as HostedService, url: `${SERVICES}/${res.body.id}` };
  }

  it('updates some fields and keeps the rest', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { call, token, svc, url } = await created();
    vi.setSystemTime(Date.now() + 5000);
    const res = await call('PUT', url, { token, body: { name: 'Doc Processor', description: 'New', ring_id: RING_PROD, slug: svc.slug } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Doc Processor',
      description: 'New',
      ring_id: RING_PROD,
      slug: 'document-processor',
      created_at: svc.created_at,
    });
    expect(res.body.updated_at > svc.updated_at).toBe(true);
    expect((await call('GET', url, { token })).body.name).toBe('Doc Processor');
    expect((await call('GET', `${SERVICES}?search=doc%20processor`, { token })).body.total).toBe(1);
  });

  it('slug is immutable → 422 on [body, slug]', async () => {
    const { call, token, url } = await created();
    const res = await call('PUT', url, { token, body: { slug: 'renamed-service' } });
    expect(res.status).toBe(422);
    expect(res.body.detail).toEqual([{ loc: ['body', 'slug'], msg: 'Slug is immutable after creation', type: 'value_error' }]);
  });

  it('execution mode changes while draft, 409 once active', async () => {
    const { call, token, url } = await created();
    const ok = await call('PUT', url, { token, body: { execution_mode: 'persistent' } });
    expect(ok.status).toBe(200);
    expect(ok.body.execution_mode).toBe('persistent');
    const active = `${SERVICES}/0f6f2d6e-0000-4000-8000-000000001001`;
    const res = await call('PUT', active, { token, body: { execution_mode: 'persistent' } });
    expect(res.status).toBe(409);
    expect(typeof res.body.detail).toBe('string');
    expect(res.body.detail).toMatch(/only be changed while the service is a draft/);
    expect((await call('PUT', active, { token, body: { execution_mode: 'invocation', name: 'Same mode is fine' } })).status).toBe(200);
  });

  it('cross-field rules run on the merged service', async () => {
    const { call, token, url } = await created();
    const minMax = await call('PUT', url, { token, body: { min_replicas: 20 } });
    expect(minMax.status).toBe(422);
    expect(minMax.body.detail).toEqual([
      { loc: ['body', 'max_replicas'], msg: 'Max replicas must be at least min replicas', type: 'value_error' },
    ]);
    const noRing = await call('PUT', url, { token, body: { ring_id: null } });
    expect(noRing.body.detail).toEqual([{ loc: ['body', 'ring_id'], msg: 'A ring is required for invocation mode', type: 'value_error' }]);
    const unknownRing = await call('PUT', url, { token, body: { ring_id: '0f6f2d6e-0000-4000-8000-000000000099' } });
    expect(unknownRing.body.detail).toEqual([{ loc: ['body', 'ring_id'], msg: 'Ring not found', type: 'value_error' }]);
    const persistentNoRing = await call('PUT', url, {
      token,
      body: { execution_mode: 'persistent', ring_id: null, min_replicas: 2, max_replicas: 3 },
    });
    expect(persistentNoRing.status).toBe(200);
  });

  it('rejects extra fields, wrong types and viewers', async () => {
    const { call, token, url, login } = await created();
    expect((await call('PUT', url, { token, body: { status: 'active' } })).body.detail[0]).toMatchObject({
      loc: ['body', 'status'],
      type: 'extra_forbidden',
    });
    expect((await call('PUT', url, { token, body: { max_replicas: '5' } })).body.detail[0]).toMatchObject({
      loc: ['body', 'max_replicas'],
    });
    const viewer = await call('PUT', url, { token: await login('viewer'), body: { name: 'x' } });
    expect(viewer).toMatchObject({ status: 403, body: { detail: 'Your role (viewer) cannot update hosted services' } });
    expect((await call('PUT', `${SERVICES}/0f6f2d6e-0000-4000-8000-000000009999`, { token, body: { name: 'x' } })).status).toBe(404);
  });
});

describe('delete', () => {
  it('deletes the service and its versions', async () => {
    const { call, login, platform } = setup();
    const token = await login('developer');
    const id = '0f6f2d6e-0000-4000-8000-000000001003';
    expect(platform.store.versionsOf(id)).toHaveLength(2);
    expect((await call('DELETE', `${SERVICES}/${id}`, { token: await login('viewer') })).status).toBe(403);
    const res = await call('DELETE', `${SERVICES}/${id}`, { token });
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect(platform.store.versionsOf(id)).toHaveLength(0);
    expect([...platform.store.versions.values()].some((v) => v.service_id === id)).toBe(false);
    expect((await call('GET', `${SERVICES}/${id}`, { token })).status).toBe(404);
    expect((await call('DELETE', `${SERVICES}/${id}`, { token })).status).toBe(404);
    expect((await call('GET', SERVICES, { token })).body.total).toBe(12);
    // the slug is free again
    expect((await call('POST', SERVICES, { token, body: newService({ slug: 'embedding-service' }) })).status).toBe(201);
  });
});

describe('Idempotency-Key', () => {
  it('replays the first response and creates nothing', async () => {
    const { call, login, platform } = setup();
    const token = await login();
    const headers = { 'Idempotency-Key': 'submit-1' };
    const first = await call('POST', SERVICES, { token, body: newService(), headers });
    expect(first.status).toBe(201);
    const count = platform.store.services.size;
    // same body, keys in another order
    const { ring_id, ...rest } = newService();
    const again = await call('POST', SERVICES, { token, body: { ring_id, ...rest }, headers });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(platform.store.services.size).toBe(count);
  });

  it('the same key with another body → 422', async () => {
    const { call, login } = setup();
    const token = await login();
    const headers = { 'Idempotency-Key': 'submit-2' };
    expect((await call('POST', SERVICES, { token, body: newService(), headers })).status).toBe(201);
    const res = await call('POST', SERVICES, { token, body: newService({ name: 'Other' }), headers });
    expect(res).toMatchObject({ status: 422, body: { detail: 'Idempotency-Key was already used with a different request body' } });
  });

  it('keys are per user, and a rejected request is not remembered', async () => {
    const { call, login } = setup();
    const headers = { 'Idempotency-Key': 'shared' };
    expect((await call('POST', SERVICES, { token: await login('admin'), body: newService(), headers })).status).toBe(201);
    // the developer's identical request is not a replay of the admin's: the slug now conflicts
    expect((await call('POST', SERVICES, { token: await login('developer'), body: newService(), headers })).status).toBe(409);
    // after a rejection the developer can retry the key with a corrected body
    expect(
      (await call('POST', SERVICES, { token: await login('developer'), body: newService({ slug: 'fixed-slug' }), headers })).status,
    ).toBe(201);
  });

  it('keys expire after 24 hours', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { call, login, platform } = setup({ tokenTtl: 3 * 86400 });
    const token = await login();
    const headers = { 'Idempotency-Key': 'old' };
    expect((await call('POST', SERVICES, { token, body: newService(), headers })).status).toBe(201);
    vi.setSystemTime(Date.now() + 23 * 3600_000);
    expect((await call('POST', SERVICES, { token, body: newService({ slug: 'second-one' }), headers })).status).toBe(422);
    vi.setSystemTime(Date.now() + 2 * 3600_000);
    expect((await call('POST', SERVICES, { token, body: newService({ slug: 'second-one' }), headers })).status).toBe(201);
    expect(platform.store.idempotency.size).toBe(1);
  });

  it('an over-long key → 422 on the header', async () => {
    const { call, login } = setup();
    const res = await call('POST', SERVICES, { token: await login(), body: newService(), headers: { 'Idempotency-Key': 'k'.repeat(256) } });
    expect(res.status).toBe(422);
    expect(res.body.detail[0].loc).toEqual(['header', 'Idempotency-Key']);
  });
});
