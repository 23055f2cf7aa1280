// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { VersionPage, type ServiceVersion } from '../../src/contract/versions';
import { demoId } from '../core/seed-ids';
import { API, SERVICES, byNumber, listVersions as versions, setup } from '../test-helpers';

type Call = ReturnType<typeof setup>['call'];

const EMBEDDING = demoId(1003);
const FRAUD = demoId(1004);
const SENTIMENT = demoId(1005);
const SUMMARIZER = demoId(1010);

describe('traffic (extension)', () => {
  const traffic = (call: Call, token: string, id: string, allocations: unknown) =>
    call('PUT', `${SERVICES}/${id}/traffic`, { token, body: { allocations } });
  /** The allocations of `[version, percent]` pairs. */
  const shares = (...pairs: [ServiceVersion | undefined, number][]) => pairs.map(([v, percent]) => ({ version_id: v!.id, percent }));

  it('promote the canary (v2 → 100) archives v1', async () => {
    const { call, login } = setup();
    const token = await login('developer');
    const [v2, v1] = await versions(call, token, EMBEDDING);
    const res = await traffic(call, token, EMBEDDING, shares([v1, 0], [v2, 100]));
    expect(res.status).toBe(200);
    expect(byNumber(VersionPage.parse(res.body).items)).toEqual({
      1: { status: 'archived', traffic: 0 },
      2: { status: 'active', traffic: 100 },
    });
    // archived for good
    const back = await traffic(call, token, EMBEDDING, shares([v1, 10], [v2, 90]));
    expect(back.status).toBe(422);
    expect(back.body.detail).toEqual([
      { loc: ['body', 'allocations', 0, 'version_id'], msg: 'Version 1 is archived; it cannot receive traffic', type: 'value_error' },
    ]);
  });

  it('roll back (active → 0): the draining version becomes active again; a re-split keeps statuses', async () => {
    const { call, login } = setup();
    const token = await login('admin');
    const [v2, v1] = await versions(call, token, EMBEDDING);
    const split = await traffic(call, token, EMBEDDING, shares([v1, 50], [v2, 50]));
    expect(byNumber(split.body.items)).toEqual({ 1: { status: 'draining', traffic: 50 }, 2: { status: 'active', traffic: 50 } });
    const res = await traffic(call, token, EMBEDDING, shares([v2, 0], [v1, 100]));
    expect(byNumber(res.body.items)).toEqual({ 1: { status: 'active', traffic: 100 }, 2: { status: 'archived', traffic: 0 } });
    expect((await call('GET', `${SERVICES}/${EMBEDDING}`, { token })).body).toMatchObject({ active_version: 1 });
  });

  it('422: not summing to 100, a missing serving version, a draft, an unknown version; 409 with nothing serving', async () => {
    const { call, login } = setup();
    const token = await login('developer');
    const [v2, v1] = await versions(call, token, EMBEDDING);
    const sum = await traffic(call, token, EMBEDDING, shares([v1, 50], [v2, 40]));
    expect(sum.body.detail).toEqual([
      { loc: ['body', 'allocations'], msg: 'Percentages must sum to 100 (they sum to 90)', type: 'value_error' },
    ]);
    const missing = await traffic(call, token, EMBEDDING, [{ version_id: v2!.id, percent: 100 }]);
    expect(missing.status).toBe(422);
    expect(missing.body.detail[0]).toMatchObject({
      loc: ['body', 'allocations'],
      msg: 'Version 1 is serving and must be listed (give it 0 to archive it)',
    });
    const [fv2, fv1] = await versions(call, token, FRAUD);
    const draft = await traffic(call, token, FRAUD, shares([fv1, 90], [fv2, 10]));
    expect(draft.body.detail).toEqual([
      { loc: ['body', 'allocations', 1, 'version_id'], msg: 'Version 2 is a draft; publish it to give it traffic', type: 'value_error' },
    ]);
    const unknown = await traffic(call, token, FRAUD, shares([fv1, 90], [v1, 10]));
    expect(unknown.body.detail[0]).toMatchObject({ loc: ['body', 'allocations', 1, 'version_id'], msg: 'No such version in this service' });
    const [, sv1] = await versions(call, token, SENTIMENT);
    expect((await traffic(call, token, SENTIMENT, [{ version_id: sv1!.id, percent: 100 }])).body.detail[0].msg).toBe(
      'Version 1 is archived; it cannot receive traffic',
    );
    expect((await traffic(call, token, EMBEDDING, [])).status).toBe(422);
    const [s1] = await versions(call, token, SUMMARIZER);
    expect((await traffic(call, token, SUMMARIZER, [{ version_id: s1!.id, percent: 100 }])).status).toBe(409);
    // nothing changed
    expect(byNumber(await versions(call, token, EMBEDDING))).toEqual({
      1: { status: 'draining', traffic: 80 },
      2: { status: 'active', traffic: 20 },
    });
  });

  it('is marked as an extension in the mock’s OpenAPI document', async () => {
    const { call } = setup();
    const doc = (await call('GET', `${API}/openapi.json`)).body;
    const op = doc.paths['/orgs/{org_id}/workspaces/{workspace_id}/hosted-services/{service_id}/traffic'].put;
    expect(op['x-extension']).toBe(true);
    expect(op.summary).toMatch(/^Extension:/);
    expect(
      doc.paths['/orgs/{org_id}/workspaces/{workspace_id}/hosted-services/{service_id}/stubs/python'].get.responses['200'].content,
    ).toEqual({ 'text/plain': { schema: { type: 'string' } } });
  });
});
