/**
 * The mock's own OpenAPI 3.1 document, generated from the operations
 * (operations.ts) and the contract's zod schemas (`z.toJSONSchema`), so it
 * cannot drift from the routes.
 */
import * as z from 'zod/mini';
import * as auth from '../../src/contract/auth';
import * as common from '../../src/contract/common';
import * as connectors from '../../src/contract/connectors';
import * as credentials from '../../src/contract/credentials';
import * as deployments from '../../src/contract/deployments';
import * as invoke from '../../src/contract/invoke';
import * as organizations from '../../src/contract/organizations';
import * as rings from '../../src/contract/rings';
import * as services from '../../src/contract/services';
import * as tokens from '../../src/contract/tokens';
import * as versions from '../../src/contract/versions';
import { MAX_KEY_LENGTH } from './idempotency';
import type { Operation, Schema } from './operations';
import { PARAM_THINGS, type ScopeParam } from './scope';

type Json = Record<string, unknown>;

/** Path parameters that are not UUIDs: their schema and description. */
const PARAM_DOCS: Record<string, { schema: Json; description: string }> = {
  connector_id: { schema: { type: 'string', examples: ['postgresql', 's3', 'http-api'] }, description: 'Connector type id (an unknown one is a 404)' },
  path: { schema: { type: 'string' }, description: "The endpoint's path, e.g. extract or extractions/42; v{version}/… pins a version" },
  job_id: { schema: { type: 'string', format: 'uuid' }, description: 'Job id (an unknown one, or another service’s, is a 404)' },
};

/** Component names for every zod schema the contract exports. */
function schemaNames(): Map<unknown, string> {
  const names = new Map<unknown, string>();
  for (const mod of [common, auth, organizations, rings, services, versions, deployments, credentials, connectors, tokens, invoke] as Record<string, unknown>[]) {
    for (const [name, value] of Object.entries(mod)) {
      if (value instanceof z.core.$ZodType && !names.has(value)) names.set(value, name);
    }
  }
  return names;
}

function toSchema(schema: Schema, io: 'input' | 'output'): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  return rest;
}

/** `:name` → `{name}`; a Hono pattern (`:path{.+}`) is dropped. */
const openapiPath = (p: string) => p.replace(/:([A-Za-z_][A-Za-z0-9_]*)(\{[^}]*\})?/g, '{$1}');

export function buildOpenApi(routes: readonly Operation[]): Json {
  const names = schemaNames();
  const components: Record<string, Json> = {
    ErrorBody: toSchema(common.ErrorBody, 'output'),
    HTTPValidationError: {
      type: 'object',
      properties: { detail: { type: 'array', items: toSchema(common.ValidationIssue, 'output') } },
      required: ['detail'],
    },
  };
  const ioOf = new Map<string, 'input' | 'output'>();
  const ref = (schema: Schema, io: 'input' | 'output', fallback: string): Json => {
    let name = names.get(schema) ?? fallback;
    // A schema used both ways (defaults make input and output differ) gets two components.
    if (ioOf.has(name) && ioOf.get(name) !== io) name = `${name}${io === 'input' ? 'Input' : 'Output'}`;
    if (!components[name]) {
      components[name] = toSchema(schema, io);
      ioOf.set(name, io);
    }
    return { $ref: `#/components/schemas/${name}` };
  };

  const pathsObj: Record<string, Record<string, Json>> = {};
  for (const r of routes) {
    if (r.internal) continue;
    const path = openapiPath(r.path);
    const parameters: Json[] = [];
    for (const m of r.path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)) {
      const name = m[1]!;
      parameters.push({
        name,
        in: 'path',
        required: true,
        schema: PARAM_DOCS[name]?.schema ?? { type: 'string', format: 'uuid' },
        description: PARAM_DOCS[name]?.description ?? `${PARAM_THINGS[name as ScopeParam] ?? name} id (a malformed or unknown one is a 404)`,
      });
    }
    if (r.query) {
      const q = toSchema(r.query, 'input') as { properties?: Record<string, Json>; required?: string[] };
      for (const [name, schema] of Object.entries(q.properties ?? {})) {
        parameters.push({ name, in: 'query', required: q.required?.includes(name) ?? false, schema });
      }
    }
    if (r.idempotent) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        schema: { type: 'string', minLength: 1, maxLength: MAX_KEY_LENGTH },
        description:
          r.idempotent === true
            ? 'The same key and body within 24 h returns the first response (a repeat sent while the first runs waits for it) and creates nothing; the same key with another body is a 422.'
            : 'Never replayed: the same key and body within 24 h is a 409 naming what the first request created; the same key with another body is a 422.',
      });
    }
    const responses: Record<string, Json> = {};
    for (const [status, spec] of Object.entries(r.responses)) {
      const code = Number(status);
      const content =
        spec.contentType !== undefined
          ? { [spec.contentType]: { schema: { type: 'string' } } }
          : spec.schema !== undefined
          ? { 'application/json': { schema: ref(spec.schema, 'output', `${r.operationId}Response`) } }
          : code === 422
            ? { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } }
            : code >= 400
              ? { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } }
              : code === 200
                ? { 'application/json': { schema: { type: 'object' } } }
                : undefined;
      responses[status] = content ? { description: spec.description, content } : { description: spec.description };
    }
    if (r.idempotent) {
      // Said apart from the body's validation errors: the key's own 422s.
      const described = responses['422'] as { description: string } | undefined;
      responses['422'] = {
        description: `${described ? `${described.description}. ` : ''}An Idempotency-Key of more than ${MAX_KEY_LENGTH} characters is a validation error at ["header","Idempotency-Key"]; a key already used with another body has a string detail.`,
        content: { 'application/json': { schema: { anyOf: [{ $ref: '#/components/schemas/HTTPValidationError' }, { $ref: '#/components/schemas/ErrorBody' }] } } },
      };
    }
    const op: Json = {
      operationId: r.operationId,
      summary: r.summary,
      tags: r.tags,
      parameters,
      responses,
      security: r.auth === 'bearer' ? [{ bearerAuth: [] }] : r.auth === 'gateway' ? [{ bearerAuth: [] }, { serviceToken: [] }] : [],
    };
    if (r.allow) op.description = `Roles: ${r.allow.roles.join(', ')}.`;
    if (r.extension) op['x-extension'] = true;
    if (r.body) {
      op.requestBody = {
        required: !r.bodyOptional,
        content: { 'application/json': { schema: ref(r.body, 'input', `${r.operationId}Request`) } },
      };
    }
    (pathsObj[path] ??= {})[r.method] = op;
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Hosted Services mock platform',
      version: '0.1.0',
      description: "The console's mock of the platform API (CONTRACT.md). Errors follow FastAPI: {\"detail\": …}.",
    },
    servers: [{ url: '/api/v1' }],
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths: pathsObj,
    components: {
      schemas: components,
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        serviceToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A service token minted for the service (…/service-tokens/mint)' },
      },
    },
  };
}
