/**
 * What a service's published version generates (CONTRACT §3, seed 000, 001):
 * its OpenAPI 3.1 document and typed client stubs in Python and TypeScript.
 */
import { paths } from '../../src/contract/paths';
import { VersionQuery } from '../../src/contract/versions';
import { apiPath, AT, domainApi, operation } from '../core/operations';
import type { ServiceRecord } from '../core/records';
import { E401, E404, E422 } from '../core/responses';
import type { Store } from '../core/store';
import { publishedVersion } from '../versions/rules';
import { pythonStub } from './python-stub';
import { serviceOpenApi } from './service-openapi';
import type { StubInput } from './type-model';
import { typescriptStub } from './typescript-stub';

const tags = ['versions'];
const OPENAPI = apiPath('/orgs/:org_id/workspaces/:workspace_id/hosted-services/:service_id/openapi.json', paths.serviceOpenapi(AT, ':service_id'));
const PYTHON = apiPath('/orgs/:org_id/workspaces/:workspace_id/hosted-services/:service_id/stubs/python', paths.stub(AT, ':service_id', 'python'));
const TYPESCRIPT = apiPath('/orgs/:org_id/workspaces/:workspace_id/hosted-services/:service_id/stubs/typescript', paths.stub(AT, ':service_id', 'typescript'));

const NO_PUBLISHED = { description: 'No published version (or the version named is a draft)' };

function stubInput(store: Store, service: ServiceRecord, n: number | undefined): StubInput & { description: string | null } {
  const v = publishedVersion(store, service, n);
  return { serviceName: service.name, serviceId: service.id, orgId: service.org_id, version: v.version, snapshot: v.endpoint_snapshot, description: service.description };
}

const stubHeaders = (file: string) => ({
  'Content-Type': 'text/plain; charset=utf-8',
  'Content-Disposition': `attachment; filename="${file}"`,
  'X-Content-Type-Options': 'nosniff',
});

export const stubsApi = domainApi([
  operation({
    method: 'get',
    path: OPENAPI,
    operationId: 'getServiceOpenapi',
    summary: "The service's OpenAPI 3.1 document, from the active version (or `?version=N`)",
    tags,
    auth: 'bearer',
    query: VersionQuery,
    responses: { 200: { description: 'OpenAPI 3.1 document' }, 401: E401, 404: E404, 409: NO_PUBLISHED, 422: E422 },
    handler: ({ var: { store, service, query } }) => ({ status: 200, body: serviceOpenApi(stubInput(store, service, query.version)) }),
  }),
  operation({
    method: 'get',
    path: PYTHON,
    operationId: 'getPythonStub',
    summary: 'A typed Python client (httpx, TypedDict) for the active version (or `?version=N`)',
    tags,
    auth: 'bearer',
    query: VersionQuery,
    responses: { 200: { description: 'client.py', contentType: 'text/plain' }, 401: E401, 404: E404, 409: NO_PUBLISHED, 422: E422 },
    handler: ({ var: { store, service, query } }) => ({ status: 200, text: pythonStub(stubInput(store, service, query.version)), headers: stubHeaders('client.py') }),
  }),
  operation({
    method: 'get',
    path: TYPESCRIPT,
    operationId: 'getTypescriptStub',
    summary: 'A typed TypeScript client (fetch) for the active version (or `?version=N`)',
    tags,
    auth: 'bearer',
    query: VersionQuery,
    responses: { 200: { description: 'client.ts', contentType: 'text/plain' }, 401: E401, 404: E404, 409: NO_PUBLISHED, 422: E422 },
    handler: ({ var: { store, service, query } }) => ({ status: 200, text: typescriptStub(stubInput(store, service, query.version)), headers: stubHeaders('client.ts') }),
  }),
]);
