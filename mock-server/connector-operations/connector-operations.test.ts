// @vitest-environment node
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ActivityPage } from '../../src/contract/activity';
import { ConnectorJob, DdlOutcome, DdlRecordPage, ExecuteResult, readExecuteResult } from '../../src/contract/connector-operations';
import { ConnectorType } from '../../src/contract/connectors';
import { API, bodyOf, IDS, ORG, type Role, SERVICES, setup, tempDirPerTest, WS } from '../test-helpers';

const RUN_MS = 1000;
const CONNECTORS = `${API}/orgs/${ORG}/workspaces/${WS}/connectors`;
const ORDERS_DB = `${CONNECTORS}/postgresql/instances/${IDS.connectors.ordersDb}`;
const DOCUMENTS = `${CONNECTORS}/s3/instances/${IDS.connectors.documentsBucket}`;
const exec = (instance: string, operation: string) => `${instance}/operations/${operation}/execute`;

const dir = tempDirPerTest('mock-connector-operations-');

function platform(options: Parameters<typeof setup>[0] = {}) {
  const t = setup({ jobRunMs: RUN_MS, ...options });
  const run = (token: string, operation: string, params?: unknown, instance = ORDERS_DB, headers: Record<string, string> = {}) =>
    t.call('POST', exec(instance, operation), { token, body: params === undefined ? {} : { params }, headers });
  const query = async (token: string, sql: string, instance = ORDERS_DB) =>
    bodyOf(await run(token, 'read_query', { query: sql }, instance), 200, ExecuteResult);
  const insert = (token: string, table: string, rows: unknown, instance = ORDERS_DB, headers: Record<string, string> = {}) =>
    run(token, 'insert_rows', { table, rows }, instance, headers);
  const ddl = (token: string, body: unknown, instance = ORDERS_DB) => t.call('POST', `${instance}/ddl`, { token, body });
  return { ...t, run, query, insert, ddl };
}

/** A fresh platform (`t`) and a token of the role: what most tests here start from. */
async function signedIn(role: Role, options: Parameters<typeof setup>[0] = {}) {
  const t = platform(options);
  return { t, token: await t.login(role) };
}

/** The locations of a 422's issues. */
const locs = (body: { detail: { loc: unknown[] }[] }) => body.detail.map((d) => d.loc);

describe('connector operations: the catalog', () => {
  it('each type lists its operations: id, name, description, kind and the JSON Schema of its params', async () => {
    const { t, token } = await signedIn('viewer');
    const pg = ConnectorType.parse((await t.call('GET', `${CONNECTORS}/postgresql`, { token })).body);
    expect(pg.operations.map((o) => [o.id, o.kind])).toEqual([
      ['read_query', 'read'],
      ['execute_statement', 'write'],
      ['insert_rows', 'write'],
      ['list_tables', 'read'],
    ]);
    expect(pg.operations[0]!.params_schema).toMatchObject({
      type: 'object',
      required: ['query'],
      properties: { query: { type: 'string', contentMediaType: 'application/sql' } },
    });
    const s3 = ConnectorType.parse((await t.call('GET', `${CONNECTORS}/s3`, { token })).body);
    expect(s3.operations.map((o) => o.id)).toEqual(['list_objects', 'get_object', 'put_object', 'delete_object']);
  });
});

describe('connector operations: reads', () => {
  it('read_query answers the seeded users table as columns, rows, row count and time (seed 002’s example)', async () => {
    const { t, token } = await signedIn('developer');
    const res = await t.run(token, 'read_query', { query: 'SELECT * FROM users LIMIT 10' });
    const r = bodyOf(res, 200, ExecuteResult);
    expect(r.columns.map((c) => c.name)).toEqual(['id', 'email', 'name', 'created_at']);
    expect(r).toMatchObject({ operation_id: 'read_query', status: 'succeeded', row_count: 5, truncated: false, summary: '5 rows' });
    expect(r.rows[0]).toEqual([1, 'ada@example.com', 'Ada Lovelace', expect.any(String)]);
    expect(r.duration_ms).toBeGreaterThanOrEqual(0);
    // The console reads the same answer leniently, row arrays and all.
    expect(readExecuteResult.parse(res.body).rows).toEqual(r.rows);
  });

  it('max_rows bounds the rows and says there were more', async () => {
    const { t, token } = await signedIn('admin');
    const res = await t.run(token, 'read_query', { query: 'SELECT id FROM users ORDER BY id', max_rows: 2 });
    expect(ExecuteResult.parse(res.body)).toMatchObject({ rows: [[1], [2]], row_count: 2, truncated: true });
  });

  it('list_tables names the tables with their columns and row counts', async () => {
    const { t, token } = await signedIn('developer');
    const r = ExecuteResult.parse((await t.run(token, 'list_tables')).body);
    expect(r.rows.map((row) => [row[0], row[2]])).toEqual([
      ['users', 5],
      ['orders', 5],
    ]);
  });

  it('read_query runs read-only statements only, one at a time; SQLite’s refusals land on params.query', async () => {
    const { t, token } = await signedIn('developer');
    const cases: [string, RegExp][] = [
      ["UPDATE users SET name = 'x'", /read-only statement.*changes data.*execute_statement/],
      ['DELETE FROM users', /read-only statement/],
      ["ATTACH DATABASE '/tmp/x.db' AS x", /read-only statement/],
      ['DROP TABLE users', /read-only statement/],
      ['PRAGMA table_info(users)', /read-only statement \(SELECT, WITH or VALUES\)/],
      ['SELECT 1; SELECT 2', /one statement at a time \(this has 2\)/],
      ['SELEC * FROM users', /near "SELEC": syntax error/],
      ['SELECT * FROM nowhere', /no such table: nowhere/],
      ['-- nothing', /no statement/],
    ];
    for (const [query, msg] of cases) {
      const res = await t.run(token, 'read_query', { query });
      expect(res.status, query).toBe(422);
      expect(res.body.detail, query).toEqual([{ loc: ['body', 'params', 'query'], msg: expect.stringMatching(msg), type: 'value_error' }]);
    }
    // Nothing of that changed anything.
    expect((await t.query(token, 'SELECT count(*) FROM users')).rows).toEqual([[5]]);
  });
});

describe('connector operations: bad input, unknown things, roles', () => {
  it('params that break the schema are 422s at ["body","params",<field>]; never a 500', async () => {
    const { t, token } = await signedIn('developer');
    const bad: [string, unknown, unknown[]][] = [
      ['read_query', {}, ['body', 'params', 'query']],
      ['read_query', { query: 42 }, ['body', 'params', 'query']],
      ['read_query', { query: '' }, ['body', 'params', 'query']],
      ['read_query', { query: 'SELECT 1', max_rows: 0 }, ['body', 'params', 'max_rows']],
      ['read_query', { query: 'SELECT 1', max_rows: 1.5 }, ['body', 'params', 'max_rows']],
      ['read_query', { query: 'SELECT 1', limit: 3 }, ['body', 'params', 'limit']],
      ['insert_rows', { table: 'users; DROP TABLE users', rows: [{}] }, ['body', 'params', 'table']],
      ['insert_rows', { table: 'users', rows: [] }, ['body', 'params', 'rows']],
      ['insert_rows', { table: 'users', rows: [{ email: { nested: true } }] }, ['body', 'params', 'rows', 0, 'email']],
    ];
    for (const [operation, params, loc] of bad) {
      const res = await t.run(token, operation, params);
      expect(res.status, JSON.stringify(params)).toBe(422);
      expect(locs(res.body), JSON.stringify(params)).toContainEqual(loc);
    }
    const notObject = await t.call('POST', exec(ORDERS_DB, 'read_query'), { token, body: { params: ['SELECT 1'] } });
    expect(notObject.status).toBe(422);
    expect(locs(notObject.body)).toEqual([['body', 'params']]);
    const extra = await t.call('POST', exec(ORDERS_DB, 'read_query'), { token, body: { params: { query: 'SELECT 1' }, mode: 'fast' } });
    expect(extra.status).toBe(422);
    expect(locs(extra.body)).toEqual([['body', 'mode']]);
    const notJson = await t.call('POST', exec(ORDERS_DB, 'read_query'), { token, raw: '{"params": ' });
    expect(notJson.status).toBe(422);
  });

  it('an unknown operation, instance or type is a 404 that names it — to a viewer too, before any 403', async () => {
    const t = platform();
    for (const role of ['developer', 'viewer'] as const) {
      const token = await t.login(role);
      const op = await t.run(token, 'drop_everything', {});
      expect(op.status).toBe(404);
      expect(op.body).toEqual({ detail: 'Connector operation not found' });
      // An S3 operation is not a PostgreSQL one.
      expect((await t.run(token, 'get_object', { key: 'README.txt' })).status).toBe(404);
      const instance = await t.run(
        token,
        'read_query',
        { query: 'SELECT 1' },
        `${CONNECTORS}/postgresql/instances/${IDS.connectors.documentsBucket}`,
      );
      expect(instance.body).toEqual({ detail: 'Connector instance not found' });
      expect(
        (await t.run(token, 'read_query', { query: 'SELECT 1' }, `${CONNECTORS}/mysql/instances/${IDS.connectors.ordersDb}`)).body,
      ).toEqual({
        detail: 'Connector not found',
      });
    }
  });

  it('developers and admins execute; viewers get 403; no token is a 401', async () => {
    const t = platform();
    for (const role of ['developer', 'admin'] as const) expect((await t.run(await t.login(role), 'list_tables')).status).toBe(200);
    const viewer = await t.run(await t.login('viewer'), 'read_query', { query: 'SELECT 1' });
    expect(viewer.status).toBe(403);
    expect(viewer.body.detail).toBe('Your role (viewer) cannot execute connector operations');
    expect((await t.call('POST', exec(ORDERS_DB, 'list_tables'), { body: {} })).status).toBe(401);
  });
});

describe('connector operations: writes', () => {
  it('a write changes what the next read sees', async () => {
    const { t, token } = await signedIn('developer');
    const inserted = await t.insert(token, 'users', [
      { email: 'barbara@example.com', name: 'Barbara Liskov', created_at: '2025-03-01T00:00:00Z' },
      { email: 'donald@example.com', name: 'Donald Knuth', created_at: '2025-03-02T00:00:00Z' },
    ]);
    expect(inserted.status, JSON.stringify(inserted.body)).toBe(200);
    expect(ExecuteResult.parse(inserted.body)).toMatchObject({ row_count: 2, rows: [], summary: 'Inserted 2 rows into users' });
    const updated = await t.run(token, 'execute_statement', {
      statement: "UPDATE users SET name = 'Ada King' WHERE email = 'ada@example.com'",
    });
    expect(ExecuteResult.parse(updated.body)).toMatchObject({ row_count: 1, summary: '1 row changed' });
    const deleted = await t.run(token, 'execute_statement', { statement: "DELETE FROM orders WHERE status = 'refunded'" });
    expect(ExecuteResult.parse(deleted.body).row_count).toBe(1);

    const r = await t.query(token, 'SELECT name FROM users ORDER BY id');
    expect(r.rows.map((row) => row[0])).toEqual([
      'Ada King',
      'Grace Hopper',
      'Alan Turing',
      'Katherine Johnson',
      'Edsger Dijkstra',
      'Barbara Liskov',
      'Donald Knuth',
    ]);
    expect((await t.query(token, 'SELECT count(*) FROM orders')).rows).toEqual([[4]]);
    // RETURNING rows come back with the write.
    const returning = await t.run(token, 'execute_statement', {
      statement: "INSERT INTO orders (user_id, total_cents, status, created_at) VALUES (2, 100, 'paid', '2025-04-01') RETURNING id, status",
    });
    expect(ExecuteResult.parse(returning.body)).toMatchObject({ row_count: 1, rows: [[6, 'paid']] });
  });

  it('refused writes are 4xx on their field and change nothing: constraints 409, unknown tables and columns 422', async () => {
    const { t, token } = await signedIn('developer');
    const duplicate = await t.insert(token, 'users', [
      { email: 'new@example.com', name: 'New', created_at: '2025-01-01' },
      { email: 'ada@example.com', name: 'Another Ada', created_at: '2025-01-01' },
    ]);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.detail).toEqual([
      { loc: ['body', 'params', 'rows', 1], msg: 'Row 2: UNIQUE constraint failed: users.email', type: 'conflict' },
    ]);
    const noTable = await t.insert(token, 'people', [{ name: 'x' }]);
    expect([noTable.status, locs(noTable.body)]).toEqual([422, [['body', 'params', 'table']]]);
    const noColumn = await t.insert(token, 'users', [{ nickname: 'x' }]);
    expect(noColumn.status).toBe(422);
    expect(noColumn.body.detail[0]).toMatchObject({
      loc: ['body', 'params', 'rows', 0],
      msg: expect.stringMatching(/no column named nickname/),
    });
    const badName = await t.insert(token, 'users', [{ 'name" = 1; --': 'x' }]);
    expect([badName.status, locs(badName.body)]).toEqual([422, [['body', 'params', 'rows', 0, 'name" = 1; --']]]);
    const notNull = await t.run(token, 'execute_statement', { statement: "INSERT INTO users (email) VALUES ('x@example.com')" });
    expect(notNull.status).toBe(409);
    expect(notNull.body.detail[0]).toMatchObject({
      loc: ['body', 'params', 'statement'],
      msg: expect.stringMatching(/NOT NULL constraint failed/),
    });
    for (const statement of ['SELECT * FROM users', 'ALTER TABLE users ADD COLUMN x TEXT', "ATTACH DATABASE '/tmp/x.db' AS x", 'VACUUM']) {
      const res = await t.run(token, 'execute_statement', { statement });
      expect(res.status, statement).toBe(422);
      expect(locs(res.body), statement).toEqual([['body', 'params', 'statement']]);
    }
    expect((await t.query(token, 'SELECT count(*) FROM users')).rows).toEqual([[5]]);
  });

  it('writes sent at once apply one after another: none is lost', async () => {
    const { t, token } = await signedIn('developer');
    const sent = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.insert(token, 'users', [{ email: `c${i}@example.com`, name: `C ${i}`, created_at: '2025-01-01' }]),
      ),
    );
    expect(sent.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect((await t.query(token, 'SELECT count(*) FROM users')).rows).toEqual([[17]]);
  });

  it('an Idempotency-Key makes a retried write one write', async () => {
    const { t, token } = await signedIn('developer');
    const rows = [{ email: 'once@example.com', name: 'Once', created_at: '2025-01-01' }];
    const headers = { 'Idempotency-Key': 'insert-once' };
    const first = await t.insert(token, 'users', rows, ORDERS_DB, headers);
    const again = await t.insert(token, 'users', rows, ORDERS_DB, headers);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await t.query(token, "SELECT count(*) FROM users WHERE email = 'once@example.com'")).rows).toEqual([[1]]);
  });

  it('acknowledged writes, DDL and pending jobs survive a restart', async () => {
    const file = join(dir(), 'state.sqlite');
    const first = platform({ dataFile: file });
    const token = await first.login('admin');
    expect((await first.run(token, 'execute_statement', { statement: "UPDATE users SET name = 'Kept' WHERE id = 1" })).status).toBe(200);
    expect(
      (await first.ddl(token, { sql: 'CREATE TABLE events (id TEXT, payload JSONB)', confirm: true, reason: 'Event storage' })).status,
    ).toBe(200);
    const rows = Array.from({ length: 101 }, (_, i) => ({ id: `e${i}`, payload: '{}' }));
    const job = await first.insert(token, 'events', rows);
    expect(job.status).toBe(202);
    first.platform.close();

    const second = platform({ dataFile: file });
    const c = second.platform.clock;
    const again = await second.login('admin');
    expect((await second.query(again, 'SELECT name FROM users WHERE id = 1')).rows).toEqual([['Kept']]);
    expect((await second.query(again, 'SELECT count(*) FROM events')).rows).toEqual([[0]]);
    c.advance(RUN_MS * 2);
    const polled = ConnectorJob.parse((await second.call('GET', job.headers.get('location')!, { token: again })).body);
    expect(polled.status).toBe('succeeded');
    expect((await second.query(again, 'SELECT count(*) FROM events')).rows).toEqual([[101]]);
  });
});

describe('connector operations: large writes run as jobs', () => {
  const many = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i) => ({ email: `user${from + i}@example.com`, name: `User ${from + i}`, created_at: '2025-05-01' }));

  it('more than 100 rows: 202 with a job; queued, running, then succeeded — and only then does a read see the rows', async () => {
    const t = platform();
    const c = t.platform.clock;
    const token = await t.login('developer');
    const res = await t.insert(token, 'users', many(150));
    const job = bodyOf(res, 202, ConnectorJob);
    expect(job).toMatchObject({ job_id: job.id, status: 'queued', result: null, error: null, operation_id: 'insert_rows' });
    expect(res.headers.get('location')).toBe(`${ORDERS_DB}/jobs/${job.id}`);
    expect(res.headers.get('x-large-write')).toBe('150 rows (more than 100)');
    const poll = async () => ConnectorJob.parse((await t.call('GET', res.headers.get('location')!, { token })).body);

    c.advance(RUN_MS / 4);
    expect((await poll()).status).toBe('running');
    expect((await t.query(token, 'SELECT count(*) FROM users')).rows).toEqual([[5]]);
    c.advance(RUN_MS);
    const done = await poll();
    expect(done).toMatchObject({ status: 'succeeded', error: null, result: { row_count: 150, summary: 'Inserted 150 rows into users' } });
    expect((await t.query(token, 'SELECT count(*) FROM users')).rows).toEqual([[155]]);
    // A viewer may follow a job.
    expect((await t.call('GET', res.headers.get('location')!, { token: await t.login('viewer') })).status).toBe(200);
  });

  it('a statement that changes more than 100 rows runs as a job too; checked first, so a bad one is refused at once', async () => {
    const t = platform();
    const c = t.platform.clock;
    const token = await t.login('admin');
    // 100 rows at once: answered at once.
    expect((await t.insert(token, 'users', many(100))).status).toBe(200);
    const update = await t.run(token, 'execute_statement', { statement: 'UPDATE users SET name = upper(name)' });
    expect(update.status).toBe(202);
    expect(update.headers.get('x-large-write')).toBe('it changes 105 rows (more than 100)');
    expect((await t.query(token, "SELECT count(*) FROM users WHERE name = 'ADA LOVELACE'")).rows).toEqual([[0]]);
    c.advance(RUN_MS * 2);
    expect((await t.query(token, "SELECT count(*) FROM users WHERE name = 'ADA LOVELACE'")).rows).toEqual([[1]]);

    const refused = await t.insert(token, 'users', [...many(150, 1000), { email: 'ada@example.com', name: 'x', created_at: 'x' }]);
    expect(refused.status).toBe(409);
    expect(t.platform.store.connectorJobs.size).toBe(1);
  });

  it('a job whose write no longer applies (its table dropped meanwhile) ends failed, saying why', async () => {
    const t = platform();
    const c = t.platform.clock;
    const admin = await t.login('admin');
    await t.ddl(admin, { sql: 'CREATE TABLE events (id TEXT)', confirm: true, reason: 'Events' });
    const res = await t.insert(
      admin,
      'events',
      Array.from({ length: 120 }, (_, i) => ({ id: String(i) })),
    );
    expect(res.status).toBe(202);
    expect((await t.ddl(admin, { sql: 'DROP TABLE events', confirm: true, reason: 'Not needed after all' })).status).toBe(200);
    c.advance(RUN_MS * 2);
    const job = ConnectorJob.parse((await t.call('GET', res.headers.get('location')!, { token: admin })).body);
    expect(job).toMatchObject({ status: 'failed', result: null, error: 'No table named events' });
    expect(t.platform.store.connectorJobs.get(job.id)!.params).toBeNull();
  });

  it('an unknown job is a 404; so is one of another instance', async () => {
    const { t, token } = await signedIn('admin');
    expect((await t.call('GET', `${ORDERS_DB}/jobs/00000000-0000-4000-8000-000000000000`, { token })).body).toEqual({
      detail: 'Job not found',
    });
    const big = await t.run(token, 'put_object', { key: 'big.txt', body: 'x'.repeat(300 * 1024) }, DOCUMENTS);
    expect(big.status).toBe(202);
    expect((await t.call('GET', `${ORDERS_DB}/jobs/${big.body.id}`, { token })).status).toBe(404);
  });
});

describe('connector operations: a runaway statement', () => {
  it('is stopped at the time limit (a 422 on its field) without holding up other clients; the next statement runs', async () => {
    const { t, token } = await signedIn('developer', { sqlTimeLimitMs: 1500 });
    let stopped = false;
    const runaway = t
      .run(token, 'read_query', { query: 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c' })
      .finally(() => (stopped = true));
    // Meanwhile the platform answers others: before the runaway statement is stopped (an order, not a timing, so a
    // slow machine cannot fail it).
    expect((await t.call('GET', SERVICES, { token })).status).toBe(200);
    expect(stopped).toBe(false);
    const res = await runaway;
    expect(res.status).toBe(422);
    expect(res.body.detail).toEqual([
      { loc: ['body', 'params', 'query'], msg: 'The statement ran longer than 1.5 s and was stopped', type: 'value_error' },
    ]);
    expect((await t.query(token, 'SELECT count(*) FROM users')).rows).toEqual([[5]]);
  });
});

describe('connector operations: storage and HTTP instances', () => {
  it('storage keeps objects: list, get, put, delete; a missing key is a 422 on params.key', async () => {
    const { t, token } = await signedIn('developer');
    const listed = ExecuteResult.parse((await t.run(token, 'list_objects', { prefix: 'invoices/' }, DOCUMENTS)).body);
    expect(listed.rows.map((r) => r[0])).toEqual(['invoices/2025-0001.json', 'invoices/2025-0002.json', 'invoices/2025-0003.json']);
    expect(listed.columns.map((c) => c.name)).toEqual(['key', 'size', 'content_type', 'last_modified']);

    const put = await t.run(token, 'put_object', { key: 'notes/hello.txt', body: 'Hello', content_type: 'text/plain' }, DOCUMENTS);
    expect(ExecuteResult.parse(put.body)).toMatchObject({ row_count: 1, summary: 'Wrote notes/hello.txt (5 bytes)' });
    const got = ExecuteResult.parse((await t.run(token, 'get_object', { key: 'notes/hello.txt' }, DOCUMENTS)).body);
    expect(got.rows[0]).toEqual([
      'notes/hello.txt',
      5,
      'text/plain',
      expect.any(String),
      expect.stringMatching(/^"[0-9a-f]{32}"$/),
      'Hello',
    ]);

    expect(ExecuteResult.parse((await t.run(token, 'delete_object', { key: 'notes/hello.txt' }, DOCUMENTS)).body).row_count).toBe(1);
    const missing = await t.run(token, 'get_object', { key: 'notes/hello.txt' }, DOCUMENTS);
    expect(missing.status).toBe(422);
    expect(missing.body.detail).toEqual([
      { loc: ['body', 'params', 'key'], msg: 'No object with the key notes/hello.txt', type: 'value_error' },
    ]);
    expect(ExecuteResult.parse((await t.run(token, 'delete_object', { key: 'notes/hello.txt' }, DOCUMENTS)).body).row_count).toBe(0);
    // Deleting the seed objects does not bring them back.
    for (const key of ['README.txt', 'invoices/2025-0001.json', 'invoices/2025-0002.json', 'invoices/2025-0003.json'])
      await t.run(token, 'delete_object', { key }, DOCUMENTS);
    expect(ExecuteResult.parse((await t.run(token, 'list_objects', {}, DOCUMENTS)).body).row_count).toBe(0);
    const badKey = await t.run(token, 'get_object', { key: '/etc/passwd' }, DOCUMENTS);
    expect([badKey.status, locs(badKey.body)]).toEqual([422, [['body', 'params', 'key']]]);
  });

  it('an HTTP API instance answers as an echo service, saying so', async () => {
    const { t, token } = await signedIn('developer');
    const created = await t.call('POST', `${CONNECTORS}/http-api/instances`, {
      token,
      body: { name: 'crm-api', config: { base_url: 'https://api.example.com/v1/', api_token: 't0k3n' } },
    });
    const instance = `${CONNECTORS}/http-api/instances/${created.body.id}`;
    const r = ExecuteResult.parse(
      (await t.run(token, 'request', { method: 'POST', path: '/customers', body: { name: 'Ada' } }, instance)).body,
    );
    expect(r.rows).toEqual([
      [200, 'POST', 'https://api.example.com/v1/customers', '{"method":"POST","path":"/customers","body":{"name":"Ada"}}'],
    ]);
    expect(r.summary).toMatch(/an echo/);
    const bad = await t.run(token, 'request', { method: 'TRACE', path: 'customers' }, instance);
    expect(bad.status).toBe(422);
    expect(locs(bad.body)).toEqual(
      expect.arrayContaining([
        ['body', 'params', 'method'],
        ['body', 'params', 'path'],
      ]),
    );
  });

  it('an instance’s data, jobs and history go with it when it is deleted', async () => {
    const t = platform();
    const admin = await t.login('admin');
    const created = await t.call('POST', `${CONNECTORS}/postgresql/instances`, {
      token: admin,
      body: { name: 'scratch-db', config: { host: 'db.example.com', database: 'scratch', user: 'u', password: 'p' } },
    });
    const instance = `${CONNECTORS}/postgresql/instances/${created.body.id}`;
    await t.ddl(admin, { sql: 'CREATE TABLE notes (body TEXT)', confirm: true, reason: 'Scratch' }, instance);
    await t.insert(
      admin,
      'notes',
      Array.from({ length: 101 }, () => ({ body: 'x' })),
      instance,
    );
    const { store } = t.platform;
    expect([store.connectorData.size, store.connectorJobs.size, store.connectorDdl.size]).toEqual([1, 1, 1]);
    expect((await t.call('DELETE', instance, { token: admin })).status).toBe(204);
    expect([store.connectorData.size, store.connectorJobs.size, store.connectorDdl.size]).toEqual([0, 0, 0]);
  });
});

describe('DDL: preview, then confirm', () => {
  const ADD_ACTIVE = 'ALTER TABLE users ADD COLUMN active BOOLEAN DEFAULT true';

  it('a preview shows the statements and their effects, and changes nothing', async () => {
    const t = platform();
    const dev = await t.login('developer');
    const res = await t.ddl(dev, { sql: ADD_ACTIVE });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(DdlOutcome.parse(res.body)).toEqual({
      executed: false,
      statements: [{ index: 1, sql: ADD_ACTIVE, destructive: false }],
      effects: [
        {
          statement_index: 1,
          kind: 'add_column',
          object: 'users',
          description: 'Adds column active (BOOLEAN, default true) to users: its 5 rows get the default (true)',
          destructive: false,
          rows_affected: 5,
        },
      ],
      destructive: false,
      record_id: null,
      executed_at: null,
    });
    expect((await t.query(dev, 'SELECT * FROM users LIMIT 1')).columns.map((c) => c.name)).not.toContain('active');
    expect(DdlRecordPage.parse((await t.call('GET', `${ORDERS_DB}/ddl`, { token: dev })).body).items).toEqual([]);
  });

  it('says which statements destroy data, and how much, across a script split as SQLite splits it', async () => {
    const t = platform();
    const dev = await t.login('developer');
    const sql = `
      -- one script; a ';' in a string or a trigger's body does not end a statement
      CREATE TABLE events (id TEXT PRIMARY KEY, payload JSONB DEFAULT '{"a";1}');
      CREATE INDEX events_payload ON events (payload);
      CREATE TRIGGER users_touch AFTER UPDATE ON users BEGIN UPDATE users SET name = name WHERE id = NEW.id; END;
      ALTER TABLE users DROP COLUMN created_at;
      ALTER TABLE users RENAME COLUMN name TO full_name;
      ALTER TABLE orders RENAME TO purchases;
      DROP TABLE purchases;`;
    const r = DdlOutcome.parse((await t.ddl(dev, { sql })).body);
    expect(r.statements.map((s) => [s.index, s.destructive])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
      [5, false],
      [6, false],
      [7, true],
    ]);
    expect(r.statements[0]!.sql).toBe(`CREATE TABLE events (id TEXT PRIMARY KEY, payload JSONB DEFAULT '{"a";1}')`);
    expect(r.effects.map((e) => [e.statement_index, e.kind, e.object, e.destructive, e.rows_affected])).toEqual([
      [1, 'create_table', 'events', false, null],
      [2, 'create_index', 'events_payload', false, null],
      [3, 'create_trigger', 'users_touch', false, null],
      [4, 'drop_column', 'users', true, 5],
      [5, 'rename_column', 'users', false, null],
      [6, 'rename_table', 'purchases', false, null],
      [7, 'drop_table', 'purchases', true, 5],
    ]);
    expect(r.effects[3]!.description).toBe('Drops column created_at from users: its values in 5 rows are lost');
    expect(r.effects[6]!.description).toBe('Drops table purchases and its 5 rows');
    expect(r.destructive).toBe(true);
    expect((await t.query(dev, 'SELECT count(*) FROM orders')).rows).toEqual([[5]]);
  });

  it('SQL that is not DDL, or that SQLite refuses, is a 422 on sql; what exists already is a 409', async () => {
    const t = platform();
    const admin = await t.login('admin');
    const cases: [unknown, number, RegExp][] = [
      ['SELECT * FROM users', 422, /Only DDL runs here.*a SELECT statement/],
      ["CREATE TABLE t (a TEXT); UPDATE users SET name = 'x'", 422, /^Statement 2: Only DDL runs here.*an UPDATE statement/],
      ['CREATE TEMP TABLE t (a TEXT)', 422, /Temporary objects/],
      ['ALTER TABLE nowhere ADD COLUMN x TEXT', 422, /no such table: nowhere/],
      ['CREAT TABLE t (a)', 422, /Only DDL runs here/],
      ['CREATE TABLE t (a', 422, /incomplete input|syntax error/],
      ['CREATE TABLE users (id INTEGER)', 409, /table users already exists/],
      ['DROP TABLE users', 409, /FOREIGN KEY constraint failed/],
    ];
    for (const [sql, status, msg] of cases) {
      const res = await t.ddl(admin, { sql });
      expect(res.status, String(sql)).toBe(status);
      expect(res.body.detail, String(sql)).toEqual([
        { loc: ['body', 'sql'], msg: expect.stringMatching(msg), type: status === 409 ? 'conflict' : 'value_error' },
      ]);
    }
    for (const body of [{ sql: '' }, { sql: '   ' }, {}, { sql: 7 }, { sql: 'x'.repeat(100_001) }]) {
      const res = await t.ddl(admin, body);
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(422);
      expect(locs(res.body)).toEqual([['body', 'sql']]);
    }
    const storage = await t.ddl(admin, { sql: 'CREATE TABLE t (a TEXT)' }, DOCUMENTS);
    expect(storage.status).toBe(422);
    expect(storage.body.detail[0].msg).toBe('Amazon S3 instances have no schema: DDL runs against SQL databases only');
  });

  it('a confirm needs a reason and an admin: developers preview only, viewers neither', async () => {
    const t = platform();
    const [admin, dev, viewer] = [await t.login('admin'), await t.login('developer'), await t.login('viewer')];
    const devConfirm = await t.ddl(dev, { sql: ADD_ACTIVE, confirm: true, reason: 'Soft delete' });
    expect(devConfirm.status).toBe(403);
    expect(devConfirm.body.detail).toBe('Your role (developer) cannot run DDL: only admins confirm it (developers may preview)');
    const viewerPreview = await t.ddl(viewer, { sql: ADD_ACTIVE });
    expect([viewerPreview.status, viewerPreview.body.detail]).toEqual([403, 'Your role (viewer) cannot preview DDL']);
    for (const reason of [undefined, null, '', '   ']) {
      const res = await t.ddl(admin, { sql: ADD_ACTIVE, confirm: true, ...(reason === undefined ? {} : { reason }) });
      expect(res.status, String(reason)).toBe(422);
      expect(res.body.detail, String(reason)).toEqual([
        { loc: ['body', 'reason'], msg: 'Give a reason: the history keeps who ran what and why', type: 'missing' },
      ]);
    }
    const badReason = await t.ddl(admin, { sql: ADD_ACTIVE, confirm: true, reason: 'x'.repeat(501) });
    expect([badReason.status, locs(badReason.body)]).toEqual([422, [['body', 'reason']]]);
    expect((await t.ddl(admin, { sql: ADD_ACTIVE, confirm: 'yes', reason: 'r' })).status).toBe(422);
    // Nothing ran.
    expect((await t.query(admin, 'SELECT * FROM users LIMIT 1')).columns.map((c) => c.name)).not.toContain('active');
  });

  it('a confirmed DDL applies (the same ADD COLUMN again is a 409), and the history says who ran what and why, newest first', async () => {
    const t = platform();
    const admin = await t.login('admin');
    const ran = await t.ddl(admin, { sql: ADD_ACTIVE, confirm: true, reason: 'Soft-delete users instead of removing them' });
    const outcome = bodyOf(ran, 200, DdlOutcome);
    expect(outcome).toMatchObject({ executed: true, destructive: false, record_id: expect.any(String), executed_at: expect.any(String) });
    const r = await t.query(admin, 'SELECT id, active FROM users ORDER BY id LIMIT 2');
    expect(r.rows).toEqual([
      [1, 1],
      [2, 1],
    ]);
    const again = await t.ddl(admin, { sql: ADD_ACTIVE, confirm: true, reason: 'Again' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toEqual([{ loc: ['body', 'sql'], msg: 'duplicate column name: active', type: 'conflict' }]);
    // A preview sees the change too.
    expect((await t.ddl(admin, { sql: ADD_ACTIVE })).status).toBe(409);

    await t.ddl(admin, { sql: 'CREATE TABLE events (id TEXT, payload JSONB)', confirm: true, reason: 'Setting up event storage' });
    const history = DdlRecordPage.parse((await t.call('GET', `${ORDERS_DB}/ddl`, { token: await t.login('viewer') })).body);
    expect(history.total).toBe(2);
    expect(history.items.map((h) => [h.sql, h.reason, h.executed_by.email])).toEqual([
      ['CREATE TABLE events (id TEXT, payload JSONB)', 'Setting up event storage', 'admin@example.com'],
      [ADD_ACTIVE, 'Soft-delete users instead of removing them', 'admin@example.com'],
    ]);
    expect(history.items[1]).toMatchObject({ id: outcome.record_id, executed_at: outcome.executed_at, effects: outcome.effects });
    expect(DdlRecordPage.parse((await t.call('GET', `${ORDERS_DB}/ddl?limit=1&offset=1`, { token: admin })).body).items[0]!.sql).toBe(
      ADD_ACTIVE,
    );

    // Every service bound to the instance has it in its activity: invoice-extractor binds orders-db as primary_db.
    const activity = ActivityPage.parse(
      (await t.call('GET', `${SERVICES}/${IDS.services.invoiceExtractor}/activity`, { token: admin })).body,
    );
    expect(activity.items[0]).toMatchObject({
      kind: 'connector.ddl_executed',
      actor: { email: 'admin@example.com' },
      summary:
        'Changed the schema of orders-db (bound as primary_db): CREATE TABLE events (id TEXT, payload JSONB) — “Setting up event storage”',
    });
  });

  it('DDL and the job path are our extensions: the documented profile serves only execute', async () => {
    const t = platform({ profile: 'documented' });
    const admin = await t.login('admin');
    expect((await t.run(admin, 'read_query', { query: 'SELECT 1 AS one' })).status).toBe(200);
    for (const [method, path] of [
      ['POST', `${ORDERS_DB}/ddl`],
      ['GET', `${ORDERS_DB}/ddl`],
      ['GET', `${ORDERS_DB}/jobs/00000000-0000-4000-8000-000000000000`],
    ] as const) {
      const res = await t.call(method, path, { token: admin, body: method === 'POST' ? { sql: 'CREATE TABLE t (a)' } : undefined });
      expect([res.status, res.body], path).toEqual([404, { detail: 'Not Found' }]);
    }
    const full = platform();
    const doc = (await full.call('GET', `${API}/openapi.json`)).body as { paths: Record<string, Record<string, Record<string, unknown>>> };
    const base = '/orgs/{org_id}/workspaces/{workspace_id}/connectors/{connector_id}/instances/{instance_id}';
    expect(doc.paths[`${base}/ddl`]!.post!['x-extension']).toBe(true);
    expect(doc.paths[`${base}/jobs/{job_id}`]!.get!['x-extension']).toBe(true);
    expect(doc.paths[`${base}/operations/{operation_id}/execute`]!.post!['x-extension']).toBeUndefined();
  });
});
