// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { API, IDS, SERVICES, mint, newService, serviceTokensPath, setup } from '../test-helpers';

const MINT = `${serviceTokensPath(IDS.services.invoiceExtractor)}/mint`;

describe('Idempotency-Key under concurrency', () => {
  it('50 parallel creates with one key: one service, and all 50 get the same response', async () => {
    const { call, login, platform } = setup();
    const token = await login('developer');
    const before = platform.store.services.size;
    const headers = { 'Idempotency-Key': 'one-submission' };
    const all = await Promise.all(Array.from({ length: 50 }, () => call('POST', SERVICES, { token, body: newService(), headers })));
    expect(all.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(new Set(all.map((r) => r.body.id)).size).toBe(1);
    for (const r of all) expect(r.body).toEqual(all[0]!.body);
    expect(all.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(49);
    expect(platform.store.services.size).toBe(before + 1);
    expect(platform.store.idempotency.size).toBe(1);
  });

  it('50 parallel mints with one key: one token; the others are the 409 naming its jti', async () => {
    const { call, login } = setup();
    const token = await login('developer');
    const headers = { 'Idempotency-Key': 'mint-once' };
    const all = await Promise.all(Array.from({ length: 50 }, () => call('POST', MINT, { token, body: { ttl_minutes: 5 }, headers })));
    const minted = all.filter((r) => r.status === 201);
    expect(minted).toHaveLength(1);
    const { jti, token: secret } = minted[0]!.body as { jti: string; token: string };
    const refused = all.filter((r) => r.status === 409);
    expect(refused).toHaveLength(49);
    for (const r of refused) {
      expect(r.body.detail).toContain(jti);
      expect(JSON.stringify(r.body)).not.toContain(secret);
    }
  });

  it('a repeat with another body while the first runs is a 422; the first still succeeds', async () => {
    const { call, login, platform } = setup();
    const token = await login('developer');
    const headers = { 'Idempotency-Key': 'racing' };
    // Sent together, either may reach the key first (a busy machine has made it either): whichever does is the first.
    const both = await Promise.all([
      call('POST', SERVICES, { token, body: newService(), headers }),
      call('POST', SERVICES, { token, body: newService({ name: 'Something else' }), headers }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 422]);
    const first = both.find((r) => r.status === 201)!;
    expect(both.find((r) => r.status === 422)).toMatchObject({
      body: { detail: 'Idempotency-Key was already used with a different request body' },
    });
    const created = [...platform.store.services.values()].filter((s) => s.slug === 'document-processor');
    expect(created.map((s) => s.id)).toEqual([(first.body as { id: string }).id]);
  });

  it('concurrent repeats of a rejected create all get its rejection, and the key stays free', async () => {
    const { call, login } = setup();
    const token = await login('developer');
    const headers = { 'Idempotency-Key': 'taken-slug' };
    const body = newService({ slug: 'fraud-scorer' });
    const all = await Promise.all(Array.from({ length: 5 }, () => call('POST', SERVICES, { token, body, headers })));
    expect(all.map((r) => r.status)).toEqual(Array(5).fill(409));
    expect((await call('POST', SERVICES, { token, body: newService({ slug: 'fraud-scorer-2' }), headers })).status).toBe(201);
  });

  it('the mint uses the same identity as every create: the query string is part of it', async () => {
    const { call, login } = setup();
    const token = await login('developer');
    const headers = { 'Idempotency-Key': 'mint-q' };
    expect((await call('POST', MINT, { token, body: { ttl_minutes: 5 }, headers })).status).toBe(201);
    expect((await call('POST', `${MINT}?note=again`, { token, body: { ttl_minutes: 5 }, headers })).status).toBe(201);
    expect((await call('POST', MINT, { token, body: { ttl_minutes: 5 }, headers })).status).toBe(409);
    // and without a key, every mint is a new token
    const a = await mint(call, token);
    const b = await mint(call, token);
    expect(a.jti).not.toBe(b.jti);
  });
});

describe('an over-long Idempotency-Key', () => {
  it('is a 422 in the array form at ["header","Idempotency-Key"], as the OpenAPI document says, on every create', async () => {
    const { call, login } = setup();
    const token = await login('developer');
    const headers = { 'Idempotency-Key': 'k'.repeat(256) };
    for (const [path, body] of [
      [SERVICES, newService()],
      [MINT, { ttl_minutes: 5 }],
      [`${SERVICES}/${IDS.services.invoiceExtractor}/versions`, undefined],
    ] as const) {
      const res = await call('POST', path, { token, headers, ...(body ? { body } : {}) });
      expect(res.status, path).toBe(422);
      expect(res.body.detail).toEqual([
        { loc: ['header', 'Idempotency-Key'], msg: 'Idempotency-Key must be 1 to 255 characters', type: 'value_error' },
      ]);
    }
    expect((await call('POST', SERVICES, { token, body: newService(), headers: { 'Idempotency-Key': 'k'.repeat(255) } })).status).toBe(201);

    const doc = (await call('GET', `${API}/openapi.json`)).body;
    for (const op of [
      doc.paths['/orgs/{org_id}/workspaces/{workspace_id}/hosted-services'].post,
      doc.paths['/orgs/{org_id}/workspaces/{workspace_id}/hosted-services/{service_id}/build'].post,
    ]) {
      expect(op.parameters.find((p: { name: string }) => p.name === 'Idempotency-Key').schema).toEqual({
        type: 'string',
        minLength: 1,
        maxLength: 255,
      });
      expect(op.responses['422'].description).toContain('more than 255 characters');
      expect(op.responses['422'].content['application/json'].schema.anyOf).toContainEqual({
        $ref: '#/components/schemas/HTTPValidationError',
      });
    }
  });
});
