// @vitest-environment node
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { API, setup } from '../test-helpers';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Every `$ref` in a document, with where it is. */
function refsOf(value: unknown, at = '#'): { at: string; ref: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => refsOf(v, `${at}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [{ at, ref: v }] : refsOf(v, `${at}/${k}`)));
}

/** What a JSON pointer (`#/components/schemas/X`) names in the document, if anything. */
function resolvePointer(doc: unknown, ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Json)[key] : undefined), doc);
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
function operationsOf(doc: Json): [string, string, Json][] {
  return Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m): [string, string, Json] => [path, m, item[m]]),
  );
}

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
    expect(
      list.get.parameters
        .filter((p: { in: string }) => p.in === 'query')
        .map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual(['execution_mode', 'limit', 'offset', 'order', 'search', 'sort', 'status']);
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

  it('is a valid OpenAPI 3.1 document with every reference resolved (as Schemathesis and openapi-spec-validator read it)', async () => {
    const { call } = setup();
    const doc = (await call('GET', `${API}/openapi.json`)).body as Json;
    const refs = refsOf(doc);
    expect(refs.length).toBeGreaterThan(100);
    for (const { at, ref } of refs) {
      expect(ref, at).toMatch(/^#\/components\/schemas\/[A-Za-z0-9_.-]+$/);
      expect(resolvePointer(doc, ref), `${at}: ${ref}`).toBeDefined();
    }
    expect(JSON.stringify(doc)).not.toContain('$defs');
    // the validator checks the document against the OpenAPI 3.1 schema and that every reference resolves…
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
    // …and resolves them all (a reference that names nothing throws here)
    const resolved = validator.resolveRefs() as Json;
    const endpointCreate =
      resolved.paths['/orgs/{org_id}/workspaces/{workspace_id}/hosted-services/{service_id}/endpoints'].post.requestBody.content[
        'application/json'
      ].schema;
    expect(endpointCreate.properties.request_schema.properties.properties.additionalProperties.type).toBe('object');
  });

  it('documents every status each operation can answer, with the body it sends', async () => {
    const { call, platform } = setup();
    const doc = (await call('GET', `${API}/openapi.json`)).body as Json;
    const byId = new Map(platform.routes.map((r) => [r.operationId, r]));
    for (const [path, method, op] of operationsOf(doc)) {
      const where = `${method.toUpperCase()} ${path}`;
      const r = byId.get(op.operationId)!;
      const statuses = Object.keys(op.responses);
      expect(statuses, where).toContain('500');
      if (r.auth === 'bearer') expect(statuses, where).toContain('401');
      if (r.allow) expect(statuses, where).toContain('403');
      if (method !== 'get') expect(statuses, where).toEqual(expect.arrayContaining(['413', '415']));
      if (r.body || r.query) expect(statuses, where).toContain('422');
      for (const [status, res] of Object.entries(op.responses as Record<string, Json>)) {
        // An error that is a page (the stand-in identity provider's) says its media type instead.
        if (Number(status) < 400 || res.content?.['text/html']) continue;
        const schema = res.content?.['application/json']?.schema;
        expect(schema, `${where} ${status}`).toBeDefined();
        const expected =
          status !== '422'
            ? { $ref: '#/components/schemas/ErrorBody' }
            : r.idempotent
              ? { anyOf: [{ $ref: '#/components/schemas/HTTPValidationError' }, { $ref: '#/components/schemas/ErrorBody' }] }
              : { $ref: '#/components/schemas/HTTPValidationError' };
        expect(schema, `${where} ${status}`).toEqual(expected);
      }
    }
    expect(Object.keys(doc.paths['/auth/login'].post.responses)).toEqual(['200', '401', '413', '415', '422', '429', '500']);
    expect(doc.components.schemas.ErrorBody.properties.detail.anyOf).toHaveLength(2);
  });

  it('marks each extension once: operations and query parameters carry x-extension', async () => {
    const { call, platform } = setup();
    const doc = (await call('GET', `${API}/openapi.json`)).body as Json;
    const marked = operationsOf(doc)
      .filter(([, , op]) => op['x-extension'] === true)
      .map(([, , op]) => op.operationId as string);
    expect(marked.sort()).toEqual(
      platform.routes
        .filter((r) => r.extension)
        .map((r) => r.operationId)
        .sort(),
    );
    expect(marked).toEqual(
      expect.arrayContaining([
        'updateTraffic',
        'listDeployments',
        'getEffectiveCredentials',
        'getServiceCredentials',
        'deleteServiceCredentials',
        'getOrganizationCredentials',
        'putOrganizationCredentials',
        'revokeServiceToken',
        'revokeAllServiceTokens',
        'listServiceTokenRevocations',
        'exchangeApiKey',
        'openapi',
      ]),
    );
    const params = operationsOf(doc).flatMap(([, , op]) =>
      (op.parameters as Json[]).filter((p) => p['x-extension'] === true).map((p) => `${op.operationId}?${p.name}`),
    );
    expect(params.sort()).toEqual([
      'getPythonStub?version',
      'getServiceOpenapi?version',
      'getTypescriptStub?version',
      'listEndpoints?version_id',
      'listHostedServices?execution_mode',
      'listRings?name',
      'listServiceTokenRevocations?include_expired',
      'listVersions?status',
    ]);
    // the mark sits on the parameter, not inside its schema
    expect(JSON.stringify(doc.components)).not.toContain('x-extension');
  });
});
