// @vitest-environment node
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMockPlatform, STATE_VERSION } from '../platform';
import { discardState, StateVersionError } from './persistence';
import { API, newService, SERVICES, setup, tempDirPerTest } from '../test-helpers';

const dir = tempDirPerTest('mock-state-');

/** The database as another process would see it. */
function rowsOf(file: string, table: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT data FROM ${table}`).all() as { data: string }[]).map((r) => JSON.parse(r.data) as unknown);
  } finally {
    db.close();
  }
}

const bytesOf = (file: string) => ['', '-wal'].map((s) => (existsSync(file + s) ? readFileSync(file + s, 'latin1') : '')).join('');

describe('persistence', () => {
  it('seeds and writes the database when there is none, readable by its owner only', () => {
    const file = join(dir(), 'nested', 'state.sqlite');
    const { platform } = setup({ dataFile: file });
    expect(platform.state.database).toBe(file);
    expect(rowsOf(file, 'services')).toHaveLength(16);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    for (const companion of [`${file}-wal`, `${file}-shm`]) if (existsSync(companion)) expect(statSync(companion).mode & 0o777).toBe(0o600);
    // no secrets in clear: passwords and API keys are stored as hashes
    expect(bytesOf(file)).not.toContain('fl_demo_admin');
  });

  it('survives a restart from the same file: services, versions, sessions, idempotency keys', async () => {
    const file = join(dir(), 'state.sqlite');
    const first = setup({ dataFile: file });
    const token = await first.login('developer');
    const created = await first.call('POST', SERVICES, { token, body: newService(), headers: { 'Idempotency-Key': 'k1' } });
    expect(created.status).toBe(201);
    await first.call('PUT', `${SERVICES}/${created.body.id}`, { token, body: { description: 'after update' } });
    await first.call('DELETE', `${SERVICES}/0f6f2d6e-0000-4000-8000-000000001001`, { token });
    first.platform.close();
    // the database and its companions, and the signing secrets beside it
    expect(readdirSync(dir()).filter((f) => !f.startsWith('state.sqlite'))).toEqual(['state.secrets.json']);

    const second = setup({ dataFile: file });
    const got = await second.call('GET', `${SERVICES}/${created.body.id}`, { token });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ description: 'after update', draft_version: 1 });
    expect(second.platform.store.versionsOf(created.body.id)).toHaveLength(1);
    expect((await second.call('GET', `${SERVICES}/0f6f2d6e-0000-4000-8000-000000001001`, { token })).status).toBe(404);
    // the deleted service's versions and endpoints went with it
    expect(second.platform.store.versionsOf('0f6f2d6e-0000-4000-8000-000000001001')).toEqual([]);
    const replay = await second.call('POST', SERVICES, { token, body: newService(), headers: { 'Idempotency-Key': 'k1' } });
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(created.body.id);
  });

  it('a 2xx is on disk before the response: another connection reads the change at once', async () => {
    const file = join(dir(), 'state.sqlite');
    const p = createMockPlatform({ dataFile: file });
    try {
      const before = rowsOf(file, 'services').length;
      const json = { 'content-type': 'application/json' };
      const token = (await (
        await p.app.request(`${API}/auth/login`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ email: 'admin@example.com', password: 'password' }),
        })
      ).json()) as { access_token: string };
      const res = await p.app.request(SERVICES, {
        method: 'POST',
        headers: { ...json, authorization: `Bearer ${token.access_token}` },
        body: JSON.stringify(newService()),
      });
      expect(res.status).toBe(201);
      const { id } = (await res.json()) as { id: string };
      expect(rowsOf(file, 'services').length).toBe(before + 1);
      expect(rowsOf(file, 'versions').filter((v) => (v as { service_id: string }).service_id === id)).toHaveLength(1);
    } finally {
      p.close();
    }
  });

  it('refuses a corrupt state file with a clear error', () => {
    writeFileSync(join(dir(), 'state.json'), '{not json');
    expect(() => createMockPlatform({ dataFile: join(dir(), 'state.json') })).toThrow();
    writeFileSync(join(dir(), 'other.sqlite'), 'not a database, not at all; '.repeat(200));
    expect(() => createMockPlatform({ dataFile: join(dir(), 'other.sqlite') })).toThrow();
  });

  it('memory-only when no file is given', () => {
    const { platform } = setup();
    expect(platform.state.database).toBeNull();
    expect(readdirSync(dir())).toEqual([]);
  });
});

describe('state version', () => {
  it('a state written with another version is refused, untouched, in one sentence that says how to start fresh', () => {
    const file = join(dir(), 'state.sqlite');
    setup({ dataFile: file }).platform.close();
    const older = new Database(file);
    older.pragma('user_version = 1');
    older.close();
    const before = readFileSync(file);

    let error: unknown;
    try {
      createMockPlatform({ dataFile: file });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StateVersionError);
    expect((error as Error).message).toBe(
      `The state in ${file} is version 1, and this mock reads version ${STATE_VERSION} only: start fresh with \`npm run mock -- --reset\` (which replaces it with the seed), or set MOCK_DATA to another file.`,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(rowsOf(file, 'services')).toHaveLength(16);

    // --reset: the state goes (the signing secrets stay), and the next start seeds a new one
    expect(discardState(file)).toBe(true);
    expect(readdirSync(dir())).toEqual(['state.secrets.json']);
    const fresh = setup({ dataFile: file });
    expect(fresh.platform.store.services.size).toBe(16);
    expect(discardState(join(dir(), 'none.sqlite'))).toBe(false);
  });

  it('a database of another program (tables, no version) is refused too', () => {
    const file = join(dir(), 'other.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE notes (text TEXT)');
    other.close();
    expect(() => createMockPlatform({ dataFile: file })).toThrow(`The state in ${file} is version 0`);
  });
});

describe('POST /api/v1/__test__/reset', () => {
  it('resets to the seed (no auth) and keeps sessions valid', async () => {
    const { call, login } = setup({ testRoutes: true });
    const token = await login();
    await call('POST', SERVICES, { token, body: newService() });
    const empty = await call('POST', `${API}/__test__/reset`, { body: { seed: 'empty' } });
    expect(empty.status).toBe(204);
    const list = await call('GET', SERVICES, { token });
    expect(list.body.total).toBe(0);
    expect(
      (
        await call(
          'GET',
          `${API}/orgs/0f6f2d6e-0000-4000-8000-000000000001/workspaces/0f6f2d6e-0000-4000-8000-000000000011/deployments/rings`,
          { token },
        )
      ).body.total,
    ).toBe(3);
    expect((await call('POST', `${API}/__test__/reset`)).status).toBe(204);
    expect((await call('GET', SERVICES, { token })).body.total).toBe(13);
  });

  it('the large seed adds N services', async () => {
    const { call, login } = setup({ seed: 'large', seedServices: 300 });
    const res = await call('GET', `${SERVICES}?limit=1`, { token: await login() });
    expect(res.body.total).toBe(313);
  });

  it('a reset is on disk too', async () => {
    const file = join(dir(), 'state.sqlite');
    const { call, platform } = setup({ dataFile: file, testRoutes: true });
    expect((await call('POST', `${API}/__test__/reset`, { body: { seed: 'empty' } })).status).toBe(204);
    expect(rowsOf(file, 'services')).toEqual([]);
    expect(rowsOf(file, 'rings')).toHaveLength(6);
    platform.close();
  });
});
