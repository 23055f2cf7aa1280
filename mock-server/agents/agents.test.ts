// @vitest-environment node
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AgentDeploymentPage, AgentService, AgentServicePage } from '../../src/contract/agents';
import { AGENT_API_BASE, agentPaths } from '../../src/contract/paths';
import { sha256 } from '../core/hashing';
import { API, bodyOf, DEMO_API_KEYS, ORG, setup } from '../test-helpers';
import { AGENT_IDS } from './seed';
import { STARTUP_FAILURE } from './rules';

const PHASE = 1000;
const V1 = AGENT_API_BASE;
const SUPPORT = AGENT_IDS.supportTriage;
const RESEARCH = AGENT_IDS.researchAssistant;
const services = (deployment: string = SUPPORT) => `${V1}${agentPaths.services(deployment)}`;
const instance = (id: string, deployment: string = SUPPORT) => `${V1}${agentPaths.service(deployment, id)}`;
const stop = (id: string, deployment: string = SUPPORT) => `${V1}${agentPaths.stop(deployment, id)}`;

/** The clock: only Date is faked, so promises and I/O run as usual. */
const tick = (ms: number) => vi.setSystemTime(Date.now() + ms);

/** Tests that write a database wait on fsync: the machine may be busy. */
const DISK_TIMEOUT = 20_000;

let dir: string;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2025-03-10T12:00:00.000Z'));
  dir = mkdtempSync(join(tmpdir(), 'agents-'));
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

/** The database's bytes, with its write-ahead log. */
const bytesOf = (file: string) => ['', '-wal'].map((s) => (existsSync(file + s) ? readFileSync(file + s, 'latin1') : '')).join('');

function platform(options: Parameters<typeof setup>[0] = {}) {
  const lines: string[] = [];
  const p = setup({ agentPhaseMs: PHASE, log: (line) => lines.push(line), ...options });
  return { ...p, lines };
}

describe('agent service instances (seed 003)', () => {
  it('creates an instance with the seed’s fields and types, starting, then ready with a signed public URL', async () => {
    const { call, login } = platform();
    const token = await login('developer');
    const created = await call('POST', services(), {
      token,
      body: { version_id: AGENT_IDS.supportTriageV1, envs: { LOG_LEVEL: 'debug' } },
      headers: { 'Idempotency-Key': 'create-1' },
    });
    const first = bodyOf(created, 201, AgentService);
    expect(first).toMatchObject({
      deployment_id: SUPPORT,
      version_id: AGENT_IDS.supportTriageV1,
      status: 'starting',
      public_url: null,
      failure_reason: null,
      started_at: null,
      stopped_at: null,
      idempotency_key: 'create-1',
    });
    expect(first.id).toMatch(/^adsvc_[0-9a-f]+$/);
    expect(first.port).toBeGreaterThanOrEqual(1);
    expect(first.port).toBeLessThanOrEqual(65_535);
    expect(first.process_id).toEqual(expect.any(Number));
    expect(first.readiness_status).toMatchObject({ phase: 'starting' });
    expect(Object.keys(created.body).sort()).toEqual([
      'created_at',
      'deployment_id',
      'failure_reason',
      'id',
      'idempotency_key',
      'port',
      'process_id',
      'public_url',
      'readiness_status',
      'sandbox_id',
      'started_at',
      'status',
      'stopped_at',
      'updated_at',
      'version_id',
    ]);
    expect(created.headers.get('cache-control')).toBe('no-store');

    tick(PHASE);
    const ready = AgentService.parse((await call('GET', instance(first.id), { token })).body);
    expect(ready).toMatchObject({ status: 'ready', started_at: '2025-03-10T12:00:01.000Z', updated_at: '2025-03-10T12:00:01.000Z' });
    expect(ready.readiness_status).toMatchObject({ phase: 'ready', healthy: true });
    const url = new URL(ready.public_url!);
    expect(url.protocol).toBe('https:');
    expect(url.searchParams.get('edge_token')).toMatch(/^et_[\w-]{32}$/);
  });

  it('requires an Idempotency-Key: without one it is a 422 and nothing starts', async () => {
    const { call, login } = platform();
    const token = await login('developer');
    const before = AgentServicePage.parse((await call('GET', services(), { token })).body).total;
    const res = await call('POST', services(), { token, body: { version_id: null, envs: {} } });
    expect(res).toMatchObject({
      status: 422,
      body: { detail: [{ loc: ['header', 'Idempotency-Key'], msg: 'Field required', type: 'missing' }] },
    });
    expect(AgentServicePage.parse((await call('GET', services(), { token })).body).total).toBe(before);
  });

  it('the same key and body return the first instance; the same key with another body is a 422', async () => {
    const { call, login } = platform();
    const token = await login('developer');
    const send = (envs: Record<string, string>, key = 'replay-1') =>
      call('POST', services(), { token, body: { envs }, headers: { 'Idempotency-Key': key } });
    const first = await send({ A: 'one', B: 'two' });
    expect(first.status).toBe(201);
    tick(PHASE);
    // Keys in another order are the same body.
    const again = await send({ B: 'two', A: 'one' });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await send({ A: 'one', B: 'changed' });
    expect(other).toMatchObject({ status: 422, body: { detail: 'Idempotency-Key was already used with a different request body' } });
    const list = AgentServicePage.parse((await call('GET', services(), { token })).body);
    expect(list.items.filter((s) => s.idempotency_key === 'replay-1')).toHaveLength(1);
    // Another key starts another instance.
    expect((await send({ A: 'one', B: 'two' }, 'replay-2')).body.id).not.toBe(first.body.id);
  });

  it('takes string values only, under shell-safe names, and says where without repeating the value', async () => {
    const { call, login } = platform();
    const token = await login('developer');
    const send = (body: unknown) => call('POST', services(), { token, body, headers: { 'Idempotency-Key': crypto.randomUUID() } });
    const number = await send({ envs: { PORT_HINT: 8080, SECRET: 'value-marker-1' } });
    expect(number.status).toBe(422);
    expect(number.body.detail).toEqual([expect.objectContaining({ loc: ['body', 'envs', 'PORT_HINT'], type: 'string_type' })]);
    expect(JSON.stringify(number.body)).not.toContain('8080');
    expect(JSON.stringify(number.body)).not.toContain('value-marker-1');
    const nested = await send({ envs: { CONFIG: { a: 'value-marker-2' } } });
    expect(nested.status).toBe(422);
    expect(JSON.stringify(nested.body)).not.toContain('value-marker-2');
    const name = await send({ envs: { 'NOT A NAME': 'x' } });
    expect(name.status).toBe(422);
    expect(name.body.detail[0].loc.slice(0, 2)).toEqual(['body', 'envs']);
    expect((await send({ envs: {}, extra: true })).body.detail).toEqual([
      expect.objectContaining({ loc: ['body', 'extra'], type: 'extra_forbidden' }),
    ]);
  });

  it(
    'never returns, stores or logs an environment value, nor a digest of the body anyone could test a guess against',
    async () => {
      const file = join(dir, 'state.sqlite');
      const { call, login, lines, platform: p } = platform({ dataFile: file });
      const token = await login('developer');
      const marker = `env-marker-${crypto.randomUUID()}`;
      const body = { version_id: AGENT_IDS.supportTriageV2, envs: { OPENAI_API_KEY: marker } };
      const created = await call('POST', services(), { token, body, headers: { 'Idempotency-Key': 'secret-env' } });
      expect(created.status).toBe(201);
      const replay = await call('POST', services(), { token, body, headers: { 'Idempotency-Key': 'secret-env' } });
      tick(PHASE);
      const got = await call('GET', instance(created.body.id), { token });
      const list = await call('GET', services(), { token });
      await call('POST', stop(created.body.id), { token });
      tick(PHASE);
      const stopped = await call('GET', instance(created.body.id), { token });
      for (const res of [created, replay, got, list, stopped]) expect(JSON.stringify(res.body)).not.toContain(marker);
      expect(lines.join('\n')).not.toContain(marker);
      const state = JSON.stringify(p.store.dump());
      expect(state).not.toContain(marker);
      p.close();
      const bytes = bytesOf(file);
      expect(bytes).not.toContain(marker);
      expect(bytes).not.toContain(sha256(marker));
      expect(bytes).not.toContain(sha256(JSON.stringify(body)));
      expect(bytes).not.toContain(sha256(JSON.stringify({ envs: body.envs, version_id: body.version_id })));
    },
    DISK_TIMEOUT,
  );

  it(
    'keeps no edge token: the public URL exists only while the instance is ready, and not on disk',
    async () => {
      const file = join(dir, 'state.sqlite');
      const { call, login, platform: p } = platform({ dataFile: file });
      const token = await login('developer');
      const created = await call('POST', services(), { token, body: {}, headers: { 'Idempotency-Key': 'edge' } });
      tick(PHASE);
      const ready = AgentService.parse((await call('GET', instance(created.body.id), { token })).body);
      const edgeToken = new URL(ready.public_url!).searchParams.get('edge_token')!;
      const listed = AgentServicePage.parse((await call('GET', services(), { token })).body).items.find((s) => s.id === ready.id)!;
      expect(listed.public_url).toBe(ready.public_url);

      const stopping = await call('POST', stop(ready.id), { token });
      expect(stopping.status).toBe(202);
      expect(AgentService.parse(stopping.body)).toMatchObject({ status: 'stopping', public_url: null });
      tick(PHASE);
      const stopped = AgentService.parse((await call('GET', instance(ready.id), { token })).body);
      expect(stopped).toMatchObject({
        status: 'stopped',
        public_url: null,
        stopped_at: '2025-03-10T12:00:02.000Z',
        started_at: '2025-03-10T12:00:01.000Z',
      });
      expect(stopped.readiness_status).toMatchObject({ phase: 'stopped' });
      expect(JSON.stringify((await call('GET', services(), { token })).body)).not.toContain(edgeToken);
      expect(JSON.stringify(p.store.dump())).not.toContain(edgeToken);
      p.close();
      expect(bytesOf(file)).not.toContain(edgeToken);
    },
    DISK_TIMEOUT,
  );

  it('reaches failed and unhealthy deterministically, by version', async () => {
    const { call, login } = platform();
    const token = await login('developer');
    const start = async (version_id: string) =>
      AgentService.parse(
        (await call('POST', services(RESEARCH), { token, body: { version_id }, headers: { 'Idempotency-Key': version_id } })).body,
      );
    const failing = await start(AGENT_IDS.researchAssistantFails);
    const sickly = await start(AGENT_IDS.researchAssistantUnhealthy);
    tick(PHASE);
    const failed = AgentService.parse((await call('GET', instance(failing.id, RESEARCH), { token })).body);
    expect(failed).toMatchObject({
      status: 'failed',
      failure_reason: STARTUP_FAILURE,
      public_url: null,
      started_at: null,
      stopped_at: '2025-03-10T12:00:01.000Z',
    });
    expect(failed.readiness_status).toMatchObject({ phase: 'failed', exit_code: 1 });
    expect(AgentService.parse((await call('GET', instance(sickly.id, RESEARCH), { token })).body).status).toBe('ready');
    tick(PHASE);
    const unhealthy = AgentService.parse((await call('GET', instance(sickly.id, RESEARCH), { token })).body);
    expect(unhealthy).toMatchObject({
      status: 'unhealthy',
      public_url: null,
      failure_reason: null,
      started_at: '2025-03-10T12:00:01.000Z',
    });
    expect(unhealthy.readiness_status).toMatchObject({ phase: 'unhealthy', healthy: false, consecutive_failures: 3 });
    // A failed instance has nothing to stop; an unhealthy one stops.
    expect(await call('POST', stop(failing.id, RESEARCH), { token })).toMatchObject({
      status: 409,
      body: { detail: 'This instance failed to start: there is nothing to stop' },
    });
    expect((await call('POST', stop(sickly.id, RESEARCH), { token })).status).toBe(202);
    // Stopping again while it stops: as it is; once stopped: a 409.
    expect((await call('POST', stop(sickly.id, RESEARCH), { token })).body.status).toBe('stopping');
    tick(PHASE);
    expect(await call('POST', stop(sickly.id, RESEARCH), { token })).toMatchObject({
      status: 409,
      body: { detail: 'This instance is already stopped' },
    });
  });

  it('runs the deployment’s current version when none is named, and refuses another deployment’s version at the field', async () => {
    const { call, login } = platform();
    const token = await login('developer');
    const current = await call('POST', services(), { token, body: { version_id: null }, headers: { 'Idempotency-Key': 'current' } });
    expect(current.body.version_id).toBe(AGENT_IDS.supportTriageV2);
    const foreign = await call('POST', services(), {
      token,
      body: { version_id: AGENT_IDS.researchAssistantV1 },
      headers: { 'Idempotency-Key': 'foreign' },
    });
    expect(foreign).toMatchObject({ status: 422, body: { detail: [{ loc: ['body', 'version_id'] }] } });
    expect((await call('POST', services('adep_nope'), { token, body: {}, headers: { 'Idempotency-Key': 'x' } })).body).toEqual({
      detail: 'Agent deployment not found',
    });
    expect((await call('GET', instance('adsvc_nope'), { token })).body).toEqual({ detail: 'Agent service instance not found' });
    // An instance is found under its own deployment only.
    expect((await call('GET', instance(AGENT_IDS.runningInstance, RESEARCH), { token })).status).toBe(404);
  });

  it('roles: admins and developers start and stop instances, viewers read', async () => {
    const { call, login } = platform();
    const viewer = await login('viewer');
    const refused = await call('POST', services(), { token: viewer, body: {}, headers: { 'Idempotency-Key': 'viewer' } });
    expect(refused).toMatchObject({ status: 403, body: { detail: 'Your role (viewer) cannot start agent service instances' } });
    expect((await call('POST', stop(AGENT_IDS.runningInstance), { token: viewer })).status).toBe(403);
    expect((await call('GET', services(), { token: viewer })).status).toBe(200);
    expect(
      (await call('POST', services(), { token: await login('admin'), body: {}, headers: { 'Idempotency-Key': 'admin' } })).status,
    ).toBe(201);
    expect((await call('GET', services(), {})).status).toBe(401);
  });

  it('takes an organization API key as the Bearer credential, as the seed documents; a revoked one is refused', async () => {
    const { call, login } = platform();
    const created = await call('POST', services(), { token: DEMO_API_KEYS.developer, body: {}, headers: { 'Idempotency-Key': 'by-key' } });
    expect(created.status).toBe(201);
    expect(
      (await call('POST', services(), { token: DEMO_API_KEYS.viewer, body: {}, headers: { 'Idempotency-Key': 'by-key' } })).status,
    ).toBe(403);
    expect((await call('GET', services(), { token: 'fl_not_a_key' })).body).toEqual({ detail: 'Invalid API key' });
    const admin = await login('admin');
    const keys = (await call('GET', `${API}/organizations/${ORG}/api-keys`, { token: admin })).body.items as { id: string; name: string }[];
    await call('DELETE', `${API}/organizations/${ORG}/api-keys/${keys.find((k) => k.name === 'Demo developer key')!.id}`, { token: admin });
    expect(await call('GET', services(), { token: DEMO_API_KEYS.developer })).toMatchObject({
      status: 401,
      body: { detail: 'This API key was revoked' },
    });
  });

  it('lists deployments with their versions and instances newest first, at /v1 only', async () => {
    const { call, login } = platform();
    const token = await login('viewer');
    const deployments = AgentDeploymentPage.parse((await call('GET', `${V1}${agentPaths.deployments()}`, { token })).body);
    expect(deployments.items.map((d) => [d.name, d.versions.length, d.current_version_id])).toEqual([
      ['Research assistant', 3, AGENT_IDS.researchAssistantV1],
      ['Support triage', 2, AGENT_IDS.supportTriageV2],
    ]);
    expect(JSON.stringify(deployments)).not.toContain('startup');
    const seeded = AgentServicePage.parse((await call('GET', services(), { token })).body);
    expect(seeded.items.map((s) => [s.id, s.status])).toEqual([
      [AGENT_IDS.runningInstance, 'ready'],
      [AGENT_IDS.stoppedInstance, 'stopped'],
    ]);
    expect(AgentServicePage.parse((await call('GET', `${services()}?status=stopped`, { token })).body).items.map((s) => s.id)).toEqual([
      AGENT_IDS.stoppedInstance,
    ]);
    // The seed's base, not /api/v1.
    expect((await call('GET', `${API}${agentPaths.services(SUPPORT)}`, { token })).status).toBe(404);
  });

  it('in the documented profile, creates as the seed says and lists nothing (the listings are extensions)', async () => {
    const { call, login } = platform({ profile: 'documented' });
    const token = await login('developer');
    expect((await call('POST', services(), { token, body: { envs: {} }, headers: { 'Idempotency-Key': 'documented' } })).status).toBe(201);
    const list = await call('GET', services(), { token });
    expect(list.status).toBe(405);
    expect(list.headers.get('allow')).toBe('POST');
    expect((await call('GET', `${V1}${agentPaths.deployments()}`, { token })).status).toBe(404);
  });

  it('is documented in the OpenAPI at its own base, with the key required and the listings marked as extensions', async () => {
    const { call } = platform();
    const doc = (await call('GET', `${API}/openapi.json`)).body;
    const item = doc.paths['/agent-deployments/{deployment_id}/services'];
    expect(item.servers).toEqual([{ url: '/v1' }]);
    expect(item.post.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }));
    expect(item.post.parameters).toContainEqual(
      expect.objectContaining({ name: 'deployment_id', in: 'path', schema: expect.objectContaining({ type: 'string' }) }),
    );
    expect(item.post['x-extension']).toBeUndefined();
    expect(item.post.security).toEqual([{ bearerAuth: [] }, { organizationApiKey: [] }]);
    expect(item.post.responses['201'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/AgentService' });
    expect(item.get['x-extension']).toBe(true);
    expect(doc.components.schemas.AgentService.properties.port).toMatchObject({ minimum: 1, maximum: 65535 });
    expect(doc.paths['/hosted-services']).toBeUndefined();
    expect(doc.servers).toEqual([{ url: '/api/v1' }]);
  });
});
