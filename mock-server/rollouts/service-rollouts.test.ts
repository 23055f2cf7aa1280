// @vitest-environment node
/**
 * `GET …/workspaces/{id}/service-rollouts` (CONTRACT §13, our extension): each
 * service's newest rollout in one call, for the services list and "Needs
 * attention". Embedding Service is the demo's canary: v1 draining at 80%, v2
 * active at 20%.
 */
import { describe, expect, it } from 'vitest';
import { Rollout, ServiceRollouts } from '../../src/contract/rollouts';
import { demoId } from '../core/seed-ids';
import { API, bodyOf, listVersions, ORG, SERVICES, setup, WS, WS_RESEARCH } from '../test-helpers';

const EMBEDDING = demoId(1003);
const SUMMARY = `${API}/orgs/${ORG}/workspaces/${WS}/service-rollouts`;

const steps = [
  { percent: 10, pause_seconds: 60 },
  { percent: 100, pause_seconds: 0 },
];
const analysis = { max_error_rate: 0.05, max_p95_ms: null, min_requests: 5 };

async function startOnEmbedding(s: ReturnType<typeof setup>, token: string) {
  const [v2] = await listVersions(s.call, token, EMBEDDING);
  return bodyOf(
    await s.call('POST', `${SERVICES}/${EMBEDDING}/rollouts`, { token, body: { version_id: v2!.id, steps, analysis } }),
    201,
    Rollout,
  );
}

describe("the workspace's newest rollout per service", () => {
  it('lists each service that has had a rollout with its newest, settled by the clock, for any role', async () => {
    const s = setup();
    const dev = await s.login('developer');
    expect(ServiceRollouts.parse((await s.call('GET', SUMMARY, { token: dev })).body)).toEqual({ items: [] });

    const started = await startOnEmbedding(s, dev);
    const viewer = await s.login('viewer');
    const running = ServiceRollouts.parse((await s.call('GET', SUMMARY, { token: viewer })).body);
    expect(running.items).toEqual([{ service_id: EMBEDDING, rollout: started }]);

    // No canary traffic through its step: at its end the analysis pauses it, and the summary says so without anyone reading the rollout.
    s.platform.clock.advance(61_000);
    const [item] = ServiceRollouts.parse((await s.call('GET', SUMMARY, { token: viewer })).body).items;
    expect(item!.rollout.status).toBe('paused');
    expect(item!.rollout.events.at(-1)).toMatchObject({ kind: 'inconclusive', by: 'analysis', reason: '0 of the 5 requests needed' });

    // The newest is the one shown.
    expect((await s.call('POST', `${SERVICES}/${EMBEDDING}/rollouts/${started.id}/abort`, { token: dev, body: {} })).status).toBe(200);
    const aborted = ServiceRollouts.parse((await s.call('GET', SUMMARY, { token: dev })).body).items;
    expect(aborted.map((i) => [i.service_id, i.rollout.id, i.rollout.status])).toEqual([[EMBEDDING, started.id, 'aborted']]);
  });

  it('narrows to the services asked for, refuses what is not a list of ids, and keeps to its workspace', async () => {
    const s = setup();
    const dev = await s.login('developer');
    await startOnEmbedding(s, dev);
    const read = async (query: string, ws = WS) =>
      s.call('GET', `${API}/orgs/${ORG}/workspaces/${ws}/service-rollouts${query}`, { token: dev });

    expect(ServiceRollouts.parse((await read(`?service_id=${EMBEDDING}&service_id=${demoId(1001)}`)).body).items).toHaveLength(1);
    expect(ServiceRollouts.parse((await read(`?service_id=${demoId(1001)}`)).body).items).toEqual([]);
    const bad = await read('?service_id=not-an-id');
    expect(bad.status).toBe(422);
    expect(ServiceRollouts.parse((await read('', WS_RESEARCH)).body).items).toEqual([]);
  });

  it('is not served by a platform with only the documented API', async () => {
    const s = setup({ profile: 'documented' });
    const dev = await s.login('developer');
    expect((await s.call('GET', SUMMARY, { token: dev })).status).toBe(404);
  });
});
