import { describe, expect, it } from 'vitest';
import { createMockPlatform } from '../../mock-server/platform';
import { CAPABILITIES, EXTENSIONS, extensionCalls, type Extension } from './extensions';

const entries = CAPABILITIES.map((capability) => [capability, EXTENSIONS[capability] as Extension] as const);
/** `METHOD /path` of each operation an extension is (documented ones apart). */
const extensionRoutes = entries.flatMap(([, e]) => (e.documented ? [] : (e.routes ?? []).map((r) => `${r.method} ${r.path}`)));
const extensionParams = entries.flatMap(([, e]) => (e.params ?? []).map((p) => `${p.method} ${p.path} ?${p.name}`));
const documentedRoutes = entries.flatMap(([, e]) => (e.documented ? (e.routes ?? []).map((r) => `${r.method} ${r.path}`) : []));

const S = '/api/v1/orgs/:org_id/workspaces/:workspace_id/hosted-services/:service_id';
const I = '/api/v1/orgs/:org_id/workspaces/:workspace_id/connectors/:connector_id/instances/:instance_id';

describe('the extension registry', () => {
  it('declares these operations as our extensions (what the mock marks x-extension and 404s in the documented profile)', () => {
    expect(extensionRoutes).toEqual([
      'POST /api/v1/auth/api-keys/exchange',
      `GET ${S}/versions/:version_id`,
      `PUT ${S}/traffic`,
      `GET ${S}/deployments`,
      `GET ${S}/effective-credentials`,
      `GET ${S}/service-credentials`,
      `DELETE ${S}/service-credentials`,
      'GET /api/v1/orgs/:org_id/cloud-credentials',
      'PUT /api/v1/orgs/:org_id/cloud-credentials',
      `POST ${S}/service-tokens/revoke`,
      `POST ${S}/service-tokens/revoke-all`,
      `GET ${S}/service-tokens/revocations`,
      `GET ${S}/service-tokens`,
      `GET ${S}/activity`,
      `GET ${I}/jobs/:job_id`,
      `POST ${I}/ddl`,
      `GET ${I}/ddl`,
      'GET /v1/agent-deployments',
      'GET /v1/agent-deployments/:deployment_id',
      'GET /v1/agent-deployments/:deployment_id/services',
      'GET /v1/agent-deployments/:deployment_id/services/:agent_service_id',
      'POST /v1/agent-deployments/:deployment_id/services/:agent_service_id/stop',
      'POST /api/v1/auth/invitations/accept',
      'POST /api/v1/auth/sso/callback',
      `GET ${S}/requests`,
      `GET ${S}/requests/stream`,
      `GET ${S}/requests/:request_id`,
      `GET ${S}/metrics`,
      'GET /api/v1/orgs/:org_id/workspaces/:workspace_id/service-metrics',
      `POST ${S}/rollouts`,
      `GET ${S}/rollouts`,
      `GET ${S}/rollouts/:rollout_id`,
      `POST ${S}/rollouts/:rollout_id/pause`,
      `POST ${S}/rollouts/:rollout_id/resume`,
      `POST ${S}/rollouts/:rollout_id/promote`,
      `POST ${S}/rollouts/:rollout_id/abort`,
      'GET /api/v1/orgs/:org_id/workspaces/:workspace_id/service-rollouts',
      'GET /api/v1/openapi.json',
    ]);
  });

  it('declares these query parameters as our extensions (what the documented profile ignores)', () => {
    expect(extensionParams).toEqual([
      `GET ${S}/versions ?status`,
      `GET ${S}/endpoints ?version_id`,
      `GET ${S}/service-tokens/revocations ?include_expired`,
      `GET ${S}/openapi.json ?version`,
      `GET ${S}/stubs/python ?version`,
      `GET ${S}/stubs/typescript ?version`,
      'GET /api/v1/orgs/:org_id/workspaces/:workspace_id/hosted-services ?execution_mode',
      'GET /api/v1/orgs/:org_id/workspaces/:workspace_id/deployments/rings ?name',
    ]);
  });

  it('declares documented APIs the console does not count on apart: the mock serves them in both profiles', () => {
    expect(documentedRoutes).toEqual([`GET ${S}/jobs/:job_id`, `POST ${S}/jobs/batch`, `POST ${S}/jobs/:job_id/cancel`]);
  });

  it('gives every entry words for people and at least one call', () => {
    for (const [capability, e] of entries) {
      expect(e.name, capability).not.toBe('');
      expect(e.without, capability).not.toBe('');
      expect((e.routes?.length ?? 0) + (e.params?.length ?? 0), capability).toBeGreaterThan(0);
    }
  });

  it('says the calls in words', () => {
    expect(extensionCalls('trafficSplit')).toBe('PUT …/traffic');
    expect(extensionCalls('organizationCredentials')).toBe('GET|PUT /orgs/{org_id}/cloud-credentials');
    expect(extensionCalls('versionQuery')).toBe('?version= on …/openapi.json, …/stubs/python, …/stubs/typescript');
    expect(extensionCalls('agentListings')).toMatch(/^GET \/v1\/agent-deployments; GET …\/\{deployment_id\}; /);
  });
});

/**
 * The mock reads this registry (mock-server/core/extensions.ts): its OpenAPI
 * document must say the same as the registry, and serve the documented entries.
 */
type Operation = { 'x-extension'?: boolean; parameters?: { name: string; in: string; 'x-extension'?: boolean }[] };
const METHODS = ['get', 'post', 'put', 'delete', 'patch'];

describe('the mock agrees with the registry', () => {
  const platform = createMockPlatform();
  const openapi = async () => {
    const res = await platform.app.request('/api/v1/openapi.json');
    return (await res.json()) as { paths: Record<string, Record<string, Operation> & { servers?: { url: string }[] }> };
  };
  /** The document's `{name}` paths, relative to their server, as the registry writes them. */
  const asRegistry = (base: string, path: string) => `${base}${path}`.replace(/\{([a-z_]+)\}/g, ':$1');

  it('marks exactly the registry’s operations and query parameters x-extension', async () => {
    const doc = await openapi();
    const routes: string[] = [];
    const params: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      // A path served under another base (seed 003's /v1) names its own server.
      const base = item.servers?.[0]?.url ?? '/api/v1';
      for (const method of METHODS.filter((m) => m in item)) {
        const op = item[method]!;
        if (op['x-extension']) routes.push(`${method.toUpperCase()} ${asRegistry(base, path)}`);
        for (const p of op.parameters ?? [])
          if (p.in === 'query' && p['x-extension'] && !op['x-extension'])
            params.push(`${method.toUpperCase()} ${asRegistry(base, path)} ?${p.name}`);
      }
    }
    expect(routes.sort()).toEqual([...extensionRoutes].sort());
    expect(params.sort()).toEqual(extensionParams.filter((p) => !extensionRoutes.some((r) => p.startsWith(`${r} `))).sort());
  });

  it('serves the documented APIs it declares, and not as extensions', async () => {
    const doc = await openapi();
    for (const route of documentedRoutes) {
      const [method, path] = route.split(' ') as [string, string];
      const op = doc.paths[path.replace(/^\/api\/v1/, '').replace(/:([a-z_]+)/g, '{$1}')]?.[method.toLowerCase()];
      expect(op, route).toBeDefined();
      expect(op?.['x-extension'], route).toBeUndefined();
    }
  });
});
