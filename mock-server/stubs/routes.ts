/**
 * What a service's published version generates (CONTRACT §3, seed 000, 001):
 * its OpenAPI 3.1 document and typed client stubs in Python and TypeScript.
 */
import * as z from 'zod/mini';
import { paths } from '../../src/contract/paths';
import { VersionQuery } from '../../src/contract/versions';
import { domainApi, get } from '../core/operations';
import { servicePath } from '../services/paths';
import type { ServiceRecord } from '../services/records';
import type { Store } from '../core/store';
import { publishedVersion } from '../versions/rules';
import { pythonStub } from './python-stub';
import { serviceOpenApi } from './service-openapi';
import type { StubInput } from './type-model';
import { typescriptStub } from './typescript-stub';

const OPENAPI = servicePath('/openapi.json', paths.serviceOpenapi);
const PYTHON = servicePath('/stubs/python', (s, id) => paths.stub(s, id, 'python'));
const TYPESCRIPT = servicePath('/stubs/typescript', (s, id) => paths.stub(s, id, 'typescript'));

const NO_PUBLISHED = { description: 'No published version (or the version named is a draft)' };

function stubInput(store: Store, service: ServiceRecord, n: number | undefined): StubInput & { description: string | null } {
  const v = publishedVersion(store, service, n);
  return {
    serviceName: service.name,
    serviceId: service.id,
    orgId: service.org_id,
    version: v.version,
    snapshot: v.endpoint_snapshot,
    description: service.description,
  };
}

type StubVars = { store: Store; service: ServiceRecord; query: z.output<typeof VersionQuery> };

/** A client stub, as a file to download (`client.py`), written by `write` from the version asked for. */
const stubFile = (file: string, write: (input: StubInput) => string) => ({
  query: VersionQuery,
  responses: { 200: { description: file, contentType: 'text/plain' }, 409: NO_PUBLISHED },
  handler: ({ var: { store, service, query } }: { var: StubVars }) => ({
    status: 200,
    text: write(stubInput(store, service, query.version)),
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Disposition': `attachment; filename="${file}"`,
      'X-Content-Type-Options': 'nosniff',
    },
  }),
});

export const stubsApi = domainApi(
  ['versions'],
  [
    get(OPENAPI, 'getServiceOpenapi', "The service's OpenAPI 3.1 document, from the active version (or `?version=N`)", {
      query: VersionQuery,
      responses: { 200: { description: 'OpenAPI 3.1 document' }, 409: NO_PUBLISHED },
      handler: ({ var: { store, service, query } }) => ({ status: 200, body: serviceOpenApi(stubInput(store, service, query.version)) }),
    }),
    get(
      PYTHON,
      'getPythonStub',
      'A typed Python client (httpx, TypedDict) for the active version (or `?version=N`)',
      stubFile('client.py', pythonStub),
    ),
    get(
      TYPESCRIPT,
      'getTypescriptStub',
      'A typed TypeScript client (fetch) for the active version (or `?version=N`)',
      stubFile('client.ts', typescriptStub),
    ),
  ],
);
