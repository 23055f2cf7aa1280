// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ConnectionTest, ConnectorInstance, ConnectorInstancePage, ConnectorType, ConnectorTypePage } from '../../src/contract/connectors';
import { HostedService } from '../../src/contract/services';
import { connectorType } from './catalog';
import type { ConnectorInstanceRecord } from './records';
import { connectionTest } from './rules';
import { demoId } from '../core/seed-ids';
import { matchesFingerprint } from '../core/hashing';
import { API, bodyOf, IDS, newService, NOT_AN_OBJECT, ORG, type Res, SERVICES, setup, WS } from '../test-helpers';

const BASE = `${API}/orgs/${ORG}/workspaces/${WS}/connectors`;
const PG = `${BASE}/postgresql/instances`;
const S3 = `${BASE}/s3/instances`;
const INVOICE = demoId(1001);
const MARKER = 'SECRET-MARKER-7f3a';

const pg = (overrides: Record<string, unknown> = {}, config: Record<string, unknown> = {}) => ({
  name: 'analytics-db',
  description: 'Read replica',
  config: { host: 'db.example.com', database: 'analytics', user: 'reader', password: MARKER, ...config },
  ...overrides,
});

/** The 422's issue at `loc` (there must be one). */
function issueAt(res: Res, loc: readonly unknown[]): { msg: string; type: string } {
  const hit = res.body.detail.find((d: { loc: unknown[] }) => JSON.stringify(d.loc) === JSON.stringify(loc));
  expect(hit, JSON.stringify(res.body.detail)).toBeDefined();
  return hit;
}

describe('connector catalog', () => {
  it('lists PostgreSQL, S3 and an HTTP API with their fields and operations; an unknown type is 404', async () => {
    const { call, login } = setup();
    const token = await login('viewer');
    const list = ConnectorTypePage.parse((await call('GET', BASE, { token })).body);
    expect(list.items.map((t) => t.id)).toEqual(['postgresql', 's3', 'http-api']);
    const pgType = ConnectorType.parse((await call('GET', `${BASE}/postgresql`, { token })).body);
    expect(pgType.fields.map((f) => [f.name, f.type, f.required, f.secret, f.default])).toEqual([
      ['host', 'string', true, false, null],
      ['port', 'integer', true, false, 5432],
      ['database', 'string', true, false, null],
      ['user', 'string', true, false, null],
      ['password', 'string', true, true, null],
      ['ssl', 'boolean', false, false, true],
    ]);
    expect(pgType.operations.map((o) => o.id)).toEqual(['read_query', 'execute_statement', 'insert_rows', 'list_tables']);
    const s3 = list.items.find((t) => t.id === 's3')!;
    expect(s3.fields.find((f) => f.name === 'endpoint_url')).toMatchObject({ required: false });
    expect(s3.operations.map((o) => o.id)).toEqual(['list_objects', 'get_object', 'put_object', 'delete_object']);
    expect(list.items.find((t) => t.id === 'http-api')!.fields.map((f) => f.name)).toEqual(['base_url', 'auth_header', 'api_token']);
    expect(await call('GET', `${BASE}/mysql`, { token })).toMatchObject({ status: 404, body: { detail: 'Connector not found' } });
    expect((await call('GET', `${BASE}/mysql/instances`, { token })).status).toBe(404);
  });
});

describe('connector instances', () => {
  it('the seed has orders-db and documents-bucket, bound by invoice-extractor; secrets only as names', async () => {
    const { call, login } = setup();
    const token = await login('viewer');
    const pgs = ConnectorInstancePage.parse((await call('GET', PG, { token })).body);
    expect(pgs.items.map((i) => [i.name, i.secrets_set])).toEqual([['orders-db', ['password']]]);
    expect(pgs.items[0]!.config).not.toHaveProperty('password');
    const s3 = ConnectorInstance.parse((await call('GET', `${S3}/${IDS.connectors.documentsBucket}`, { token })).body);
    expect(s3).toMatchObject({ name: 'documents-bucket', secrets_set: ['secret_access_key'] });
    expect(JSON.stringify(s3)).not.toContain('demo-documents-bucket-secret');
    const svc = HostedService.parse((await call('GET', `${SERVICES}/${INVOICE}`, { token })).body);
    expect(svc.connector_bindings).toEqual({
      primary_db: { connector_instance_id: IDS.connectors.ordersDb, role: 'read_write' },
      s3_storage: { connector_instance_id: IDS.connectors.documentsBucket, role: 'read_only' },
    });
    // an instance is found only under its own type
    expect((await call('GET', `${PG}/${IDS.connectors.documentsBucket}`, { token })).body).toEqual({
      detail: 'Connector instance not found',
    });
    expect((await call('GET', `${PG}/nope`, { token })).status).toBe(404);
  });

  it('creates with defaults filled in; secrets are stored but never returned by any read', async () => {
    const { call, login, platform } = setup();
    const token = await login('developer');
    const created = await call('POST', PG, { token, body: pg(), headers: { 'Idempotency-Key': 'pg-1' } });
    const inst = bodyOf(created, 201, ConnectorInstance);
    expect(inst).toMatchObject({
      connector_id: 'postgresql',
      name: 'analytics-db',
      config: { host: 'db.example.com', port: 5432, ssl: true },
      secrets_set: ['password'],
      last_test: null,
    });
    expect(created.headers.get('location')).toBe(`${PG}/${inst.id}`);
    const replay = await call('POST', PG, { token, body: pg(), headers: { 'Idempotency-Key': 'pg-1' } });
    expect(replay.body.id).toBe(inst.id);
    // stored as a salted fingerprint: the mock knows it is set, never keeps it in clear
    const stored = platform.store.connectorInstances.get(inst.id)!.secrets;
    expect(Object.keys(stored)).toEqual(['password']);
    expect(stored.password).toMatch(/^hmac-sha256:[A-Za-z0-9_-]{22}:[0-9a-f]{64}$/);
    expect(matchesFingerprint(stored.password!, MARKER)).toBe(true);
    const tested = await call('POST', `${PG}/${inst.id}/test`, { token });
    const updated = await call('PUT', `${PG}/${inst.id}`, { token, body: { description: 'Replica', config: { port: 6543 } } });
    const reads = [
      created,
      replay,
      tested,
      updated,
      await call('GET', PG, { token }),
      await call('GET', `${PG}/${inst.id}`, { token }),
      await call('GET', `${PG}?search=analytics`, { token }),
      await call('GET', BASE, { token }),
      await call('GET', `${API}/openapi.json`),
    ];
    for (const r of reads) expect(JSON.stringify(r.body)).not.toContain(MARKER);
    expect(JSON.stringify(platform.store.dump())).not.toContain(MARKER);
    // a PUT that leaves out the secret (or sends it empty) keeps it
    expect(ConnectorInstance.parse(updated.body)).toMatchObject({
      description: 'Replica',
      config: { port: 6543 },
      secrets_set: ['password'],
      last_test: null,
    });
    await call('PUT', `${PG}/${inst.id}`, { token, body: { config: { password: '' } } });
    expect(platform.store.connectorInstances.get(inst.id)!.secrets).toEqual(stored);
    await call('PUT', `${PG}/${inst.id}`, { token, body: { config: { password: 'rotated' } } });
    const rotated = platform.store.connectorInstances.get(inst.id)!.secrets.password!;
    expect(matchesFingerprint(rotated, 'rotated')).toBe(true);
    expect(matchesFingerprint(rotated, MARKER)).toBe(false);
    // a non-secret optional field sent empty is cleared
    const s3 = await call('POST', S3, {
      token,
      body: {
        name: 'minio',
        config: { bucket: 'b', region: 'us-east-1', access_key_id: 'k', secret_access_key: 's', endpoint_url: 'http://minio.local:9000' },
      },
    });
    const cleared = await call('PUT', `${S3}/${s3.body.id}`, { token, body: { config: { endpoint_url: '' } } });
    expect(cleared.body.config).not.toHaveProperty('endpoint_url');
  });

  it.each([
    ['a missing required field', {}, { host: undefined }, ['body', 'config', 'host'], 'missing'],
    ['an empty required field', {}, { user: '' }, ['body', 'config', 'user'], 'missing'],
    ['a missing secret', {}, { password: undefined }, ['body', 'config', 'password'], 'missing'],
    ['a port as text', {}, { port: '5432' }, ['body', 'config', 'port'], 'value_error'],
    ['a fractional port', {}, { port: 5432.5 }, ['body', 'config', 'port'], 'value_error'],
    ['ssl as text', {}, { ssl: 'yes' }, ['body', 'config', 'ssl'], 'value_error'],
    ['an unknown field', {}, { sslmode: 'require' }, ['body', 'config', 'sslmode'], 'extra_forbidden'],
    ['a nested object', {}, { host: { a: 1 } }, ['body', 'config', 'host'], undefined],
    ['no name', { name: '' }, {}, ['body', 'name'], undefined],
    ['no config', { config: undefined }, {}, ['body', 'config'], 'missing'],
    ['config as a list', { config: [] }, {}, ['body', 'config'], undefined],
  ])('create with %s → 422 at the field', async (_l, overrides, config, loc, type) => {
    const { call, login } = setup();
    const body = pg(overrides, config);
    if (body.config)
      for (const [k, v] of Object.entries(body.config)) if (v === undefined) delete (body.config as Record<string, unknown>)[k];
    const res = await call('POST', PG, { token: await login(), body });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    const hit = issueAt(res, loc);
    if (type) expect(hit.type).toBe(type);
  });

  it('an update is checked too: a wrong type or an unknown field is a 422 at config.<field>', async () => {
    const { call, login } = setup();
    const token = await login();
    const res = await call('PUT', `${PG}/${IDS.connectors.ordersDb}`, { token, body: { config: { port: 'x', nope: 1 } } });
    expect(res.status).toBe(422);
    expect(res.body.detail.map((d: { loc: unknown }) => d.loc)).toEqual([
      ['body', 'config', 'nope'],
      ['body', 'config', 'port'],
    ]);
    expect((await call('PUT', `${PG}/${IDS.connectors.ordersDb}`, { token, body: { config: { host: '' } } })).body.detail[0]).toMatchObject(
      { loc: ['body', 'config', 'host'], type: 'missing' },
    );
  });

  it('instance names are unique in the workspace (409 on the field), on create and rename', async () => {
    const { call, login } = setup();
    const token = await login();
    const dup = await call('POST', S3, {
      token,
      body: { name: 'orders-db', config: { bucket: 'b', region: 'r', access_key_id: 'k', secret_access_key: 's' } },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.detail).toEqual([
      { loc: ['body', 'name'], msg: "A connector instance named 'orders-db' already exists in this workspace", type: 'conflict' },
    ]);
    const rename = await call('PUT', `${S3}/${IDS.connectors.documentsBucket}`, { token, body: { name: 'orders-db' } });
    expect(rename.status).toBe(409);
    expect((await call('PUT', `${S3}/${IDS.connectors.documentsBucket}`, { token, body: { name: 'documents-bucket' } })).status).toBe(200);
    // another workspace may reuse the name
    const research = `${API}/orgs/${ORG}/workspaces/${IDS.research}/connectors/postgresql/instances`;
    expect((await call('POST', research, { token, body: pg({ name: 'orders-db' }) })).status).toBe(201);
  });

  it('connection test: ok with a latency, kept as last_test; unreachable or .invalid hosts fail; deterministic', async () => {
    const { call, login } = setup();
    const token = await login('developer');
    const ok = await call('POST', `${PG}/${IDS.connectors.ordersDb}/test`, { token });
    const t = bodyOf(ok, 200, ConnectionTest);
    expect(t).toMatchObject({ ok: true, message: 'Connected to orders-db.internal.example.com:5432 (database orders, SSL)' });
    expect(t.latency_ms).toBeGreaterThan(0);
    expect(t.latency_ms).toBeLessThan(500);
    const again = await call('POST', `${PG}/${IDS.connectors.ordersDb}/test`, { token });
    expect(again.body.latency_ms).toBe(t.latency_ms);
    expect((await call('GET', `${PG}/${IDS.connectors.ordersDb}`, { token })).body.last_test).toEqual(again.body);

    const bad = await call('POST', PG, { token, body: pg({ name: 'bad-db' }, { host: 'db.unreachable.example' }) });
    const failed = await call('POST', `${PG}/${bad.body.id}/test`, { token });
    expect(failed.body).toMatchObject({
      ok: false,
      message: 'could not connect to db.unreachable.example:5432: connection refused',
      latency_ms: null,
    });
    const http = await call('POST', `${BASE}/http-api/instances`, {
      token,
      body: { name: 'crm', config: { base_url: 'https://crm.example.invalid/v1', api_token: 't' } },
    });
    expect(http.status).toBe(201);
    expect((await call('POST', `${BASE}/http-api/instances/${http.body.id}/test`, { token })).body).toMatchObject({
      ok: false,
      message: 'could not connect to https://crm.example.invalid/v1: connection refused',
    });
    const s3 = await call('POST', S3, {
      token,
      body: {
        name: 'minio',
        config: { bucket: 'b', region: 'r', access_key_id: 'k', secret_access_key: 's', endpoint_url: 'http://unreachable:9000' },
      },
    });
    expect((await call('POST', `${S3}/${s3.body.id}/test`, { token })).body.ok).toBe(false);
    const s3ok = await call('POST', `${S3}/${IDS.connectors.documentsBucket}/test`, { token });
    expect(s3ok.body).toMatchObject({ ok: true, message: 'Bucket acme-documents is reachable in eu-west-1' });
    // the viewer reads but may not test
    expect((await call('POST', `${PG}/${IDS.connectors.ordersDb}/test`, { token: await login('viewer') })).status).toBe(403);
  });

  it('a missing secret fails the test', () => {
    const type = connectorType('postgresql')!;
    const rec: ConnectorInstanceRecord = {
      id: demoId(9),
      org_id: ORG,
      workspace_id: WS,
      connector_id: 'postgresql',
      name: 'x',
      description: null,
      config: { host: 'db.example.com', port: 5432, database: 'd', user: 'u' },
      secrets: {},
      last_test: null,
      created_at: '2024-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
    };
    expect(connectionTest(type, rec, '2024-01-01T00:00:00Z')).toEqual({
      ok: false,
      message: 'Password is not set',
      latency_ms: null,
      tested_at: '2024-01-01T00:00:00Z',
    });
  });

  it('deleting an instance a service binds is a 409 naming the services; otherwise 204', async () => {
    const { call, login } = setup();
    const token = await login('developer');
    expect(await call('DELETE', `${PG}/${IDS.connectors.ordersDb}`, { token })).toMatchObject({
      status: 409,
      body: { detail: 'Connector instance orders-db is bound by 1 service: invoice-extractor; remove the bindings first' },
    });
    const unbind = await call('PUT', `${SERVICES}/${INVOICE}`, {
      token,
      body: { connector_bindings: { s3_storage: { connector_instance_id: IDS.connectors.documentsBucket, role: 'read_only' } } },
    });
    expect(unbind.body.connector_bindings).toEqual({
      s3_storage: { connector_instance_id: IDS.connectors.documentsBucket, role: 'read_only' },
    });
    expect((await call('DELETE', `${PG}/${IDS.connectors.ordersDb}`, { token })).status).toBe(204);
    expect((await call('GET', `${PG}/${IDS.connectors.ordersDb}`, { token })).status).toBe(404);
    expect((await call('DELETE', `${S3}/${IDS.connectors.documentsBucket}`, { token: await login('viewer') })).status).toBe(403);
  });

  it('garbage on every instance write is a 4xx, never a 500', async () => {
    const { call, login } = setup();
    const token = await login();
    const raws = [
      ...NOT_AN_OBJECT,
      '{"name": "a", "config": null}',
      '{"name": "a", "config": {"host": null}}',
      '{"name": "a", "config": {"__proto__": {"x": 1}}}',
      '{"config": {"port": 1e400}}',
      '{"name": 5}',
    ];
    for (const raw of raws) {
      for (const [method, path] of [
        ['POST', PG],
        ['PUT', `${PG}/${IDS.connectors.ordersDb}`],
        ['POST', `${PG}/${IDS.connectors.ordersDb}/test`],
      ] as const) {
        const res = await call(method, path, { token, raw });
        expect(res.status, `${method} ${path} ${raw}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
      }
    }
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('connector bindings on services', () => {
  const good = { primary_db: { connector_instance_id: IDS.connectors.ordersDb, role: 'read_only' } };

  it('binds an existing instance on create; a PUT replaces the bindings wholesale', async () => {
    const { call, login } = setup();
    const token = await login('developer');
    const created = await call('POST', SERVICES, { token, body: newService({ connector_bindings: good }) });
    expect(created.status).toBe(201);
    expect(created.body.connector_bindings).toEqual(good);
    const next = { files: { connector_instance_id: IDS.connectors.documentsBucket, role: 'read_write' } };
    const put = await call('PUT', `${SERVICES}/${created.body.id}`, { token, body: { connector_bindings: next } });
    expect(put.body.connector_bindings).toEqual(next);
    expect(
      (await call('PUT', `${SERVICES}/${created.body.id}`, { token, body: { connector_bindings: {} } })).body.connector_bindings,
    ).toEqual({});
  });

  it.each([
    [
      'a missing instance',
      { db: { connector_instance_id: demoId(9999), role: 'read_only' } },
      ['body', 'connector_bindings', 'db', 'connector_instance_id'],
      'Connector instance not found',
    ],
    [
      'a bad binding name',
      { 'Primary-DB': { connector_instance_id: IDS.connectors.ordersDb, role: 'read_only' } },
      ['body', 'connector_bindings', 'Primary-DB'],
      undefined,
    ],
    [
      'an unknown role',
      { db: { connector_instance_id: IDS.connectors.ordersDb, role: 'admin' } },
      ['body', 'connector_bindings', 'db', 'role'],
      undefined,
    ],
    [
      'a malformed instance id',
      { db: { connector_instance_id: 'x', role: 'read_only' } },
      ['body', 'connector_bindings', 'db', 'connector_instance_id'],
      undefined,
    ],
    [
      'an extra key',
      { db: { connector_instance_id: IDS.connectors.ordersDb, role: 'read_only', x: 1 } },
      ['body', 'connector_bindings', 'db', 'x'],
      undefined,
    ],
  ])('%s → 422 on create and on update', async (_l, bindings, loc, msg) => {
    const { call, login } = setup();
    const token = await login('developer');
    for (const [method, path, body] of [
      ['POST', SERVICES, newService({ connector_bindings: bindings })],
      ['PUT', `${SERVICES}/${INVOICE}`, { connector_bindings: bindings }],
    ] as const) {
      const res = await call(method, path, { token, body });
      expect(res.status, `${method}: ${JSON.stringify(res.body)}`).toBe(422);
      const hit = issueAt(res, loc);
      if (msg) expect(hit.msg).toBe(msg);
    }
  });

  it("another workspace's instance is not found", async () => {
    const { call, login } = setup();
    const token = await login();
    const research = `${API}/orgs/${ORG}/workspaces/${IDS.research}`;
    const inst = await call('POST', `${research}/connectors/postgresql/instances`, { token, body: pg() });
    const res = await call('POST', SERVICES, {
      token,
      body: newService({ connector_bindings: { db: { connector_instance_id: inst.body.id, role: 'read_only' } } }),
    });
    expect(res.body.detail).toEqual([
      { loc: ['body', 'connector_bindings', 'db', 'connector_instance_id'], msg: 'Connector instance not found', type: 'value_error' },
    ]);
  });
});
