// @vitest-environment node
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMockPlatform } from './app';
import { API, SERVICES, newService, setup } from './test-helpers';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mock-state-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('persistence', () => {
  it('seeds and writes the file when there is none', async () => {
    const file = join(dir, 'nested', 'state.json');
    const { platform } = setup({ dataFile: file });
    await platform.flush();
    const state = JSON.parse(readFileSync(file, 'utf8'));
    expect(state.format).toBe(1);
    expect(state.services).toHaveLength(16);
    // no secrets in clear: passwords and API keys are stored as hashes
    expect(readFileSync(file, 'utf8')).not.toContain('fl_demo_admin');
  });

  it('survives a restart from the same file: services, versions, sessions, idempotency keys', async () => {
    const file = join(dir, 'state.json');
    const first = setup({ dataFile: file });
    const token = await first.login('developer');
    const created = await first.call('POST', SERVICES, { token, body: newService(), headers: { 'Idempotency-Key': 'k1' } });
    expect(created.status).toBe(201);
    await first.call('PUT', `${SERVICES}/${created.body.id}`, { token, body: { description: 'after update' } });
    await first.call('DELETE', `${SERVICES}/0f6f2d6e-0000-4000-8000-000000001001`, { token });
    await first.platform.flush();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const second = setup({ dataFile: file });
    const got = await second.call('GET', `${SERVICES}/${created.body.id}`, { token });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ description: 'after update', draft_version: 1 });
    expect(second.platform.store.versionsOf(created.body.id)).toHaveLength(1);
    expect((await second.call('GET', `${SERVICES}/0f6f2d6e-0000-4000-8000-000000001001`, { token })).status).toBe(404);
    const replay = await second.call('POST', SERVICES, { token, body: newService(), headers: { 'Idempotency-Key': 'k1' } });
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(created.body.id);
  });

  it('flushSync writes pending changes (shutdown path)', async () => {
    const file = join(dir, 'state.json');
    const p = createMockPlatform({ dataFile: file, persistDebounceMs: 60_000 });
    p.flushSync();
    const before = JSON.parse(readFileSync(file, 'utf8')).services.length;
    const token = (await (await p.app.request(`${API}/auth/login`, { method: 'POST', body: JSON.stringify({ email: 'admin@example.com', password: 'password' }) })).json()) as { access_token: string };
    const res = await p.app.request(SERVICES, { method: 'POST', headers: { authorization: `Bearer ${token.access_token}` }, body: JSON.stringify(newService()) });
    expect(res.status).toBe(201);
    p.flushSync();
    expect(JSON.parse(readFileSync(file, 'utf8')).services.length).toBe(before + 1);
  });

  it('refuses a corrupt state file with a clear error', () => {
    const file = join(dir, 'state.json');
    writeFileSync(file, '{not json');
    expect(() => createMockPlatform({ dataFile: file })).toThrow();
  });

  it('memory-only when no file is given', async () => {
    const { platform } = setup();
    await platform.flush();
    expect(existsSync(join(dir, 'state.json'))).toBe(false);
  });
});

describe('POST /api/v1/__test__/reset', () => {
  it('resets to the seed (no auth) and keeps sessions valid', async () => {
    const { call, login } = setup();
    const token = await login();
    await call('POST', SERVICES, { token, body: newService() });
    const empty = await call('POST', `${API}/__test__/reset`, { body: { seed: 'empty' } });
    expect(empty.status).toBe(204);
    const list = await call('GET', SERVICES, { token });
    expect(list.body.total).toBe(0);
    expect((await call('GET', `${API}/orgs/0f6f2d6e-0000-4000-8000-000000000001/workspaces/0f6f2d6e-0000-4000-8000-000000000011/deployments/rings`, { token })).body.total).toBe(3);
    expect((await call('POST', `${API}/__test__/reset`)).status).toBe(204);
    expect((await call('GET', SERVICES, { token })).body.total).toBe(13);
  });

  it('the large seed adds N services', async () => {
    const { call, login } = setup({ seed: 'large', seedServices: 300 });
    const res = await call('GET', `${SERVICES}?limit=1`, { token: await login() });
    expect(res.body.total).toBe(313);
  });
});
