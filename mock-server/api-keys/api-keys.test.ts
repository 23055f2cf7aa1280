// @vitest-environment node
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiKeyCreated, ApiKeyPage } from '../../src/contract/api-keys';
import { paths } from '../../src/contract/paths';
import { createMockPlatform } from '../platform';
import { sha256 } from '../core/hashing';
import { demoId } from '../core/seed-ids';
import { API, DEMO_API_KEYS, IDS, ORG, setup, tempDirPerTest } from '../test-helpers';

const KEYS = `${API}${paths.apiKeys(ORG)}`;
const EXCHANGE = `${API}${paths.apiKeyExchange()}`;
const WHOAMI = `${API}${paths.whoami()}`;

/** Tests that write a database wait on fsync: the machine may be busy. */
const DISK_TIMEOUT = 20_000;

const dir = tempDirPerTest('api-keys-');

const bytesOf = (file: string) => ['', '-wal'].map((s) => (existsSync(file + s) ? readFileSync(file + s, 'latin1') : '')).join('');

type Call = ReturnType<typeof setup>['call'];
const exchange = (call: Call, api_key: string) => call('POST', EXCHANGE, { body: { api_key } });

describe('organization API keys (seed 001, 004)', () => {
  it('creates a key (fl_…) that is shown once, lists it by name, prefix, creator and use, and the exchange takes it', async () => {
    const { call, login } = setup();
    const admin = await login('admin');
    const res = await call('POST', KEYS, { token: admin, body: { name: '  CI pipeline  ' }, headers: { 'Idempotency-Key': 'ci' } });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const created = ApiKeyCreated.parse(res.body);
    expect(created).toMatchObject({
      name: 'CI pipeline',
      last_used_at: null,
      revoked_at: null,
      created_by: { id: IDS.users.admin, email: 'admin@example.com' },
    });
    expect(created.key).toMatch(/^fl_[\w-]{40}$/);
    expect(created.prefix).toBe(created.key.slice(0, 11));

    // The list never holds the key.
    const listed = await call('GET', KEYS, { token: admin });
    expect(JSON.stringify(listed.body)).not.toContain(created.key);
    const row = ApiKeyPage.parse(listed.body).items[0]!;
    expect(row).toEqual({
      id: created.id,
      name: 'CI pipeline',
      prefix: created.prefix,
      created_at: created.created_at,
      last_used_at: null,
      created_by: created.created_by,
      revoked_at: null,
    });

    // Signing in with it acts as its creator, and is noted as its last use.
    const session = await exchange(call, created.key);
    expect(session.status).toBe(200);
    expect((await call('GET', WHOAMI, { token: session.body.access_token })).body).toMatchObject({
      email: 'admin@example.com',
      role: 'admin',
    });
    const used = ApiKeyPage.parse((await call('GET', KEYS, { token: admin })).body).items.find((k) => k.id === created.id)!;
    expect(used.last_used_at).not.toBeNull();

    // A repeat of the create's key never shows the key again.
    const again = await call('POST', KEYS, { token: admin, body: { name: '  CI pipeline  ' }, headers: { 'Idempotency-Key': 'ci' } });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain(created.id);
    expect(JSON.stringify(again.body)).not.toContain(created.key);
  });

  it('a revoked key is refused by the exchange at once, and its sessions end; other keys keep working', async () => {
    const { call, login } = setup();
    const admin = await login('admin');
    const make = async (name: string) => ApiKeyCreated.parse((await call('POST', KEYS, { token: admin, body: { name } })).body);
    const leaked = await make('Leaked');
    const kept = await make('Kept');
    const session = (await exchange(call, leaked.key)).body.access_token as string;
    expect((await call('GET', WHOAMI, { token: session })).status).toBe(200);

    expect((await call('DELETE', `${KEYS}/${leaked.id}`, { token: admin })).status).toBe(204);
    expect(await exchange(call, leaked.key)).toMatchObject({ status: 401, body: { detail: 'This API key was revoked' } });
    expect(await call('GET', WHOAMI, { token: session })).toMatchObject({
      status: 401,
      body: { detail: 'The API key this session was opened with has been revoked' },
    });
    expect((await exchange(call, kept.key)).status).toBe(200);
    expect((await exchange(call, DEMO_API_KEYS.viewer)).status).toBe(200);
    // Revoked keys stay listed, marked; revoking again changes nothing.
    const row = ApiKeyPage.parse((await call('GET', KEYS, { token: admin })).body).items.find((k) => k.id === leaked.id)!;
    expect(row.revoked_at).not.toBeNull();
    expect((await call('DELETE', `${KEYS}/${leaked.id}`, { token: admin })).status).toBe(204);
    expect((await call('DELETE', `${KEYS}/0f6f2d6e-0000-4000-8000-00000000dead`, { token: admin })).body).toEqual({
      detail: 'API key not found',
    });
  });

  it(
    'keeps only a salted hash: neither the key nor its plain SHA-256 is on disk, and equal secrets never look alike',
    async () => {
      const file = join(dir(), 'state.sqlite');
      const { call, login, platform } = setup({ dataFile: file });
      const admin = await login('admin');
      const created = ApiKeyCreated.parse(
        (await call('POST', KEYS, { token: admin, body: { name: 'Disk check' }, headers: { 'Idempotency-Key': 'disk' } })).body,
      );
      await exchange(call, created.key);
      platform.close();
      const bytes = bytesOf(file);
      expect(bytes).not.toContain(created.key);
      expect(bytes).not.toContain(created.key.slice(11));
      expect(bytes).not.toContain(sha256(created.key));
      for (const demo of Object.values(DEMO_API_KEYS)) {
        expect(bytes).not.toContain(demo);
        expect(bytes).not.toContain(sha256(demo));
      }
      const db = new Database(file, { readonly: true });
      const rows = (db.prepare('SELECT data FROM organization_api_keys').all() as { data: string }[]).map(
        (r) => JSON.parse(r.data) as { id: string; key_hash: string },
      );
      db.close();
      expect(rows.find((r) => r.id === created.id)!.key_hash).toMatch(/^hmac-sha256:[\w-]{16,}:[0-9a-f]{64}$/);
      // Salted per record: the same seed keys hash differently in two states.
      const other = createMockPlatform({ dataFile: null });
      const hashOf = (p: { store: { apiKeys: { get(id: string): { key_hash: string } | undefined } } }) =>
        p.store.apiKeys.get(demoId(51))?.key_hash;
      expect(hashOf(other)).toBeDefined();
      expect(hashOf(other)).not.toBe(rows.find((r) => r.id === demoId(51))!.key_hash);
      other.close();
    },
    DISK_TIMEOUT,
  );

  it('roles: only admins list, create and revoke keys', async () => {
    const { call, login } = setup();
    for (const role of ['developer', 'viewer'] as const) {
      const token = await login(role);
      expect(await call('GET', KEYS, { token })).toMatchObject({
        status: 403,
        body: { detail: `Your role (${role}) cannot list API keys` },
      });
      expect((await call('POST', KEYS, { token, body: { name: 'Mine' } })).status).toBe(403);
      expect((await call('DELETE', `${KEYS}/${demoId(51)}`, { token })).status).toBe(403);
    }
    const admin = await login('admin');
    expect((await call('POST', KEYS, { token: admin, body: { name: '\u200b' } })).body.detail[0]).toMatchObject({
      loc: ['body', 'name'],
      msg: 'Name has no visible characters',
    });
  });
});
