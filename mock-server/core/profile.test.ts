// @vitest-environment node
/**
 * The documented-only profile (issue 9, CONTRACT §11): `MOCK_PROFILE=documented`
 * answers as a platform without our extensions would — an extension path is a
 * plain 404 (a documented path keeps its 405s), an extension query parameter
 * is ignored — while every documented call works.
 */
import { describe, expect, it } from 'vitest';
import { AGENT_IDS, API, IDS, ORG, RING_DEV, SERVICES, WS, listVersions, newService, setup } from '../test-helpers';
import type { Operation } from './operations';

const EMBEDDING = '0f6f2d6e-0000-4000-8000-000000001003'; // v1 draining, v2 active
const FRAUD = '0f6f2d6e-0000-4000-8000-000000001004'; // v1 active, v2 draft
const RINGS = `${API}/orgs/${ORG}/workspaces/${WS}/deployments/rings`;

/** A concrete path for an operation (under its base), with ids that exist in the demo seed. */
function concrete({ base, path }: { base: string; path: string }, ids: Record<string, string>): string {
  return `${base}${path.replace(/:([a-z_]+)(\{[^}]*\})?/g, (_m, name: string) => ids[name] ?? `unknown-${name}`)}`;
}

describe('MOCK_PROFILE=documented', () => {
  it('every extension operation is a plain 404, or a 405 naming the documented methods of its path', async () => {
    const full = setup();
    const documented = setup({ profile: 'documented' });
    const token = await documented.login('admin');
    const versions = await listVersions(documented.call, token, FRAUD);
    const ids: Record<string, string> = {
      org_id: ORG,
      workspace_id: WS,
      service_id: FRAUD,
      version_id: versions[0]!.id,
      endpoint_id: 'unused',
      ring_id: RING_DEV,
      connector_id: 'postgresql',
      instance_id: IDS.connectors.ordersDb,
      path: 'score',
      deployment_id: AGENT_IDS.supportTriage,
      agent_service_id: AGENT_IDS.runningInstance,
    };
    const extensions = full.platform.routes.filter((r) => r.extension && !r.testSupport);
    expect(extensions.length).toBeGreaterThanOrEqual(12);
    const servedPaths = new Map<string, string[]>();
    for (const r of documented.platform.routes) servedPaths.set(r.path, [...(servedPaths.get(r.path) ?? []), r.method.toUpperCase()]);
    for (const op of extensions as Operation[]) {
      const where = `${op.method.toUpperCase()} ${op.path}`;
      expect(documented.platform.routes, where).not.toContain(op);
      const res = await documented.call(op.method.toUpperCase(), concrete(op, ids), {
        token,
        ...(op.method === 'get' || op.method === 'delete' ? {} : { body: {} }),
      });
      const others = servedPaths.get(op.path);
      if (others) {
        expect(res, where).toMatchObject({ status: 405, body: { detail: 'Method Not Allowed' } });
        expect(res.headers.get('allow'), where).toBe(others.join(', '));
      } else {
        expect(res, where).toMatchObject({ status: 404, body: { detail: 'Not Found' } });
      }
      // the full profile serves it (its own 404s name what is missing); a stream stays open: read its status, then let it go
      if (op.responses[200]?.contentType === 'text/event-stream') {
        const stream = await full.platform.app.request(concrete(op, ids), {
          headers: { authorization: `Bearer ${await full.login('admin')}` },
        });
        expect(stream.status, where).toBe(200);
        await stream.body?.cancel();
        continue;
      }
      const served = await full.call(op.method.toUpperCase(), concrete(op, ids), {
        token: await full.login('admin'),
        ...(op.method === 'get' || op.method === 'delete' ? {} : { body: {} }),
      });
      expect(served.status, where).not.toBe(405);
      expect(served.body, where).not.toEqual({ detail: 'Not Found' });
    }
    // the named ones, as a platform without them answers
    expect((await documented.call('GET', `${SERVICES}/${FRAUD}/deployments`, { token })).status).toBe(404);
    expect((await documented.call('PUT', `${SERVICES}/${FRAUD}/traffic`, { token, body: { allocations: [] } })).status).toBe(404);
    expect((await documented.call('GET', `${SERVICES}/${FRAUD}/effective-credentials`, { token })).status).toBe(404);
    expect((await documented.call('GET', `${API}/orgs/${ORG}/cloud-credentials`, { token })).status).toBe(404);
    expect((await documented.call('POST', `${SERVICES}/${FRAUD}/service-tokens/revoke-all`, { token, body: { reason: 'x' } })).status).toBe(
      404,
    );
    expect((await documented.call('GET', `${SERVICES}/${FRAUD}/service-tokens/revocations?include_expired=true`, { token })).status).toBe(
      404,
    );
    expect((await documented.call('POST', `${API}/auth/api-keys/exchange`, { body: { api_key: 'fl_demo_admin' } })).status).toBe(404);
    expect((await documented.call('GET', `${API}/openapi.json`)).status).toBe(404);
    const own = await documented.call('GET', `${SERVICES}/${FRAUD}/service-credentials`, { token });
    expect(own.status).toBe(405);
    expect(own.headers.get('allow')).toBe('PUT');
  });

  it('every extension query parameter is ignored, even a malformed value', async () => {
    const full = setup();
    const documented = setup({ profile: 'documented' });
    const token = await documented.login('developer');
    const fullToken = await full.login('developer');
    const both = async (path: string) => ({
      full: await full.call('GET', path, { token: fullToken }),
      documented: await documented.call('GET', path, { token }),
    });

    // ?version= on the OpenAPI document and the stubs: the active version
    const doc = await both(`${SERVICES}/${EMBEDDING}/openapi.json?version=1`);
    expect(doc.full.body.info.version).toBe('1');
    expect(doc.documented.body.info.version).toBe('2');
    for (const language of ['python', 'typescript']) {
      const stub = await both(`${SERVICES}/${EMBEDDING}/stubs/${language}?version=1`);
      expect(stub.full.body).toContain('version 1');
      expect(stub.documented.status).toBe(200);
      expect(stub.documented.body).toBe((await documented.call('GET', `${SERVICES}/${EMBEDDING}/stubs/${language}`, { token })).body);
    }
    expect((await both(`${SERVICES}/${EMBEDDING}/openapi.json?version=abc`)).documented.status).toBe(200);

    // ?version_id= on endpoints: the default (the draft's)
    const [draft, active] = await listVersions(documented.call, token, FRAUD);
    expect([draft!.status, active!.status]).toEqual(['draft', 'active']);
    await documented.call('POST', `${SERVICES}/${FRAUD}/endpoints`, {
      token,
      body: { method: 'GET', path: '/only-in-the-draft', summary: 'New' },
    });
    await full.call('POST', `${SERVICES}/${FRAUD}/endpoints`, {
      token: fullToken,
      body: { method: 'GET', path: '/only-in-the-draft', summary: 'New' },
    });
    const eps = await both(`${SERVICES}/${FRAUD}/endpoints?version_id=${active!.id}`);
    const paths = (r: { body: { items: { path: string }[] } }) => r.body.items.map((e) => e.path);
    expect(paths(eps.full)).not.toContain('/only-in-the-draft');
    expect(paths(eps.documented)).toContain('/only-in-the-draft');

    // ?execution_mode= on the list: every service
    const list = await both(`${SERVICES}?execution_mode=persistent&limit=100`);
    expect(list.full.body.items.every((s: { execution_mode: string }) => s.execution_mode === 'persistent')).toBe(true);
    expect(list.documented.body.total).toBeGreaterThan(list.full.body.total);
    expect((await both(`${SERVICES}?execution_mode=nonsense`)).documented.status).toBe(200);
    // documented parameters still apply
    expect((await both(`${SERVICES}?status=draft&limit=1`)).documented.body).toMatchObject({ limit: 1, items: [{ status: 'draft' }] });

    // ?name= on rings: every ring
    const rings = await both(`${RINGS}?name=dev`);
    expect(rings.full.body.items.map((r: { name: string }) => r.name)).toEqual(['dev']);
    expect(rings.documented.body.items.map((r: { name: string }) => r.name)).toEqual(['dev', 'staging', 'prod']);
  });

  it('the documented calls work: sign in, create, read, update, endpoints, publish, deploy, credentials, mint, gateway', async () => {
    const { call, login, platform } = setup({ profile: 'documented' });
    expect(platform.options.profile).toBe('documented');
    const token = await login('developer');
    expect((await call('GET', `${API}/auth/whoami`, { token })).body.role).toBe('developer');
    expect((await call('GET', `${API}/organizations`, { token })).body.total).toBe(1);
    expect((await call('GET', `${API}/organizations/${ORG}/workspaces`, { token })).body.total).toBe(2);
    expect((await call('GET', RINGS, { token })).body.total).toBe(3);
    const created = await call('POST', SERVICES, {
      token,
      body: newService({ slug: 'documented-only', execution_mode: 'persistent', ring_id: null }),
      headers: { 'Idempotency-Key': 'doc-1' },
    });
    expect(created.status).toBe(201);
    const base = `${SERVICES}/${created.body.id}`;
    expect((await call('GET', base, { token })).status).toBe(200);
    expect((await call('PUT', base, { token, body: { description: 'Only documented calls' } })).body.description).toBe(
      'Only documented calls',
    );
    expect(
      (
        await call('POST', `${base}/endpoints`, {
          token,
          body: { method: 'POST', path: '/run', summary: 'Run', request_schema: { type: 'object', properties: {} } },
        })
      ).status,
    ).toBe(201);
    expect((await call('GET', `${base}/versions`, { token })).body.total).toBe(1);
    expect((await call('POST', `${base}/publish`, { token, body: { traffic_percent: 100 } })).status).toBe(200);
    expect((await call('GET', `${base}/openapi.json`, { token })).body.info.version).toBe('1');
    expect((await call('GET', `${base}/stubs/python`, { token })).status).toBe(200);
    expect(
      (
        await call('PUT', `${base}/service-credentials`, {
          token,
          body: {
            cloud_provider: 'gcp',
            cloud_credentials_json:
              '{"type":"service_account","project_id":"p","private_key":"k","client_email":"d@p.iam.gserviceaccount.com"}',
            cloud_project_id: 'p',
          },
        })
      ).status,
    ).toBe(200);
    expect((await call('POST', `${base}/build`, { token })).status).toBe(202);
    expect((await call('GET', `${base}/deployment-status`, { token })).body.deployment_state).toBe('building');
    const admin = await login('admin');
    expect(
      (
        await call('PUT', `${base}/credentials`, {
          token: admin,
          body: {
            cloud_provider: 'aws',
            cloud_credentials_json: '{"access_key_id":"AKIAEXAMPLE","secret_access_key":"v"}',
            cloud_project_id: 'acct',
          },
        })
      ).status,
    ).toBe(200);
    const minted = await call('POST', `${base}/service-tokens/mint`, { token, body: { claims: {}, ttl_minutes: 5 } });
    expect(minted.status).toBe(201);
    expect((await call('POST', `${API}/orgs/${ORG}/services/${created.body.id}/run`, { token: minted.body.token, body: {} })).status).toBe(
      200,
    );
    expect((await call('DELETE', base, { token })).status).toBe(204);
    // a documented path keeps its 405
    const patch = await call('PATCH', SERVICES, { token, body: {} });
    expect(patch.status).toBe(405);
    expect(patch.headers.get('allow')).toBe('GET, POST');
  });

  it('the full profile (npm start) serves the extensions', async () => {
    const { call, login, platform } = setup();
    expect(platform.options.profile).toBe('full');
    const token = await login('developer');
    expect((await call('GET', `${SERVICES}/${FRAUD}/deployments`, { token })).status).toBe(200);
    expect((await call('GET', `${API}/openapi.json`)).status).toBe(200);
  });
});
