// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { API, setup } from './test-helpers';

describe('GET /api/v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document of every route, without auth', async () => {
    const { call, platform } = setup();
    const res = await call('GET', `${API}/openapi.json`);
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: '/api/v1' }]);
    expect(doc.components.securitySchemes.bearerAuth).toEqual({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    const list = doc.paths['/orgs/{org_id}/workspaces/{workspace_id}/hosted-services'];
    const item = doc.paths['/orgs/{org_id}/workspaces/{workspace_id}/hosted-services/{service_id}'];
    expect(Object.keys(list).sort()).toEqual(['get', 'post']);
    expect(Object.keys(item).sort()).toEqual(['delete', 'get', 'put']);
    expect(list.post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ServiceCreate' });
    expect(list.post.responses['201'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/HostedService' });
    expect(list.post.parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key');
    expect(list.post.security).toEqual([{ bearerAuth: [] }]);
    expect(list.get.parameters.filter((p: { in: string }) => p.in === 'query').map((p: { name: string }) => p.name).sort()).toEqual(
      ['execution_mode', 'limit', 'offset', 'order', 'search', 'sort', 'status'],
    );
    expect(doc.components.schemas.ServiceCreate.required.sort()).toEqual(['name', 'slug']);
    expect(doc.paths['/auth/login'].post.security).toEqual([]);
    // every route of the table is documented (the table drives both)
    for (const r of platform.routes) {
      const p = r.path.replace(/:([a-z_]+)(\{[^}]*\})?/g, '{$1}');
      expect(doc.paths[p]?.[r.method], `${r.method} ${p}`).toBeDefined();
    }
    // every $ref resolves
    const refs = JSON.stringify(doc).match(/"#\/components\/schemas\/[^"]+"/g) ?? [];
    for (const ref of refs) expect(doc.components.schemas[ref.slice(22, -1)], ref).toBeDefined();
  });
});
