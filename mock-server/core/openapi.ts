/**
 * The mock's own OpenAPI 3.1 document, generated from the operations
 * (operations.ts) and the contract's zod schemas (`z.toJSONSchema`), so it
 * cannot drift from the routes.
 *
 * - Every `$ref` points into `#/components/schemas`: the `$defs` zod makes
 *   for a recursive schema (the endpoints' JSON Schema) become components.
 * - Every status an operation may answer is listed (`responsesOf`), with the
 *   body it sends: the schema of a success, `HTTPValidationError` (the array
 *   form) for a 422, `ErrorBody` for any other error.
 * - Extensions (CONTRACT §11) carry `x-extension: true`: operations, and query
 *   parameters, as the contract's registry names them (extensions.ts).
 * - A path served under another base than `/api/v1` (seed 003's `/v1`) says so
 *   with its own `servers`.
 * - Component names come from the contract modules the domains declare
 *   (`openapi.schemas` in their domain.ts: a schema is named after its export),
 *   path parameters from their scope resolvers and `openapi.params`: a domain
 *   the root lists is documented, and one it does not list is not served.
 */
import * as z from 'zod/mini';
import * as common from '../../src/contract/common';
import { JsonSchema, JsonSchemaNode } from '../../src/contract/json-schema';
import type { ParamDoc } from './context';
import type { ContractModule } from './domain';
import { MAX_KEY_LENGTH } from './idempotency';
import { API_BASE, responsesOf, type Operation, type Schema } from './operations';

type Json = Record<string, unknown>;

// The recursive JSON Schema of endpoints is one component, by name (zod names its $defs entry after the id), and so
// is the subschema it is made of (otherwise anonymous, `__schema0`, and named after whichever schema used it first).
if (!z.globalRegistry.has(JsonSchema)) z.globalRegistry.add(JsonSchema, { id: 'JsonSchema' });
if (!z.globalRegistry.has(JsonSchemaNode)) z.globalRegistry.add(JsonSchemaNode, { id: 'JsonSchemaNode' });

const COMPONENTS = '#/components/schemas/';
/** How the document marks an extension (CONTRACT §11): an operation, or a query parameter of a documented one. */
const EXTENSION_MARK = 'x-extension';

/** A copy of `value` with every `$ref` of `#/$defs/<name>` pointing at its component. */
function pointAtComponents(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => pointAtComponents(v, names));
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')) {
      const name = names.get(v.slice('#/$defs/'.length));
      if (!name) throw new Error(`openapi: ${v} names no definition`);
      out[k] = `${COMPONENTS}${name}`;
    } else out[k] = pointAtComponents(v, names);
  }
  return out;
}

/**
 * Move a generated schema's `$defs` into the components (refs follow), so that
 * every reference resolves from the document's root. A definition that is
 * already a component by the same name and content is shared; one whose name
 * is taken by other content gets a number (`Name2`, `Name3`…). Renaming one
 * definition changes the references in the others, so names are settled
 * first, until none clashes, and the components written after.
 */
function hoistDefinitions(schema: Json, owner: string, components: Record<string, Json>): Json {
  const defs = schema.$defs as Record<string, Json> | undefined;
  if (!defs) return schema;
  const { $defs: _defs, ...rest } = schema;
  const keys = Object.keys(defs);
  const base = (key: string) =>
    key.startsWith('__schema') ? `${owner}Item${key === '__schema0' ? '' : key.slice('__schema'.length)}` : key;
  const tries = new Map(keys.map((key) => [key, 1]));
  const names = new Map(keys.map((key) => [key, base(key)]));
  const clashes = (key: string, i: number) => {
    const name = names.get(key)!;
    const taken = components[name];
    return (
      keys.slice(0, i).some((other) => names.get(other) === name) ||
      (taken !== undefined && JSON.stringify(taken) !== JSON.stringify(pointAtComponents(defs[key], names)))
    );
  };
  for (let clash = true; clash;) {
    clash = false;
    for (const [i, key] of keys.entries()) {
      if (!clashes(key, i)) continue;
      const n = tries.get(key)! + 1;
      tries.set(key, n);
      names.set(key, `${base(key)}${n}`);
      clash = true;
    }
  }
  for (const key of keys) components[names.get(key)!] = pointAtComponents(defs[key], names) as Json;
  return pointAtComponents(rest, names) as Json;
}

/** What the domains declare for the document (platform assembly: app.ts). */
export interface OpenApiParts {
  /** The contract modules whose exported schemas name components, in the order the root lists the domains (the first export of a schema names it). */
  schemas: readonly ContractModule[];
  /** Path parameters that are not UUIDs: their schema and description. */
  params: ReadonlyMap<string, ParamDoc>;
  /** What each scope parameter names ("Service"), for the description of a UUID parameter. */
  things: ReadonlyMap<string, string>;
}

/** Component names for every zod schema of the contract modules, `common` first. */
function schemaNames(modules: readonly ContractModule[]): Map<unknown, string> {
  const names = new Map<unknown, string>();
  for (const mod of [common, ...modules]) {
    for (const [name, value] of Object.entries(mod)) {
      if (value instanceof z.core.$ZodType && !names.has(value)) names.set(value, name);
    }
  }
  return names;
}

function toSchema(schema: Schema, io: 'input' | 'output', owner: string, components: Record<string, Json>): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  return hoistDefinitions(rest, owner, components);
}

/** `:name` → `{name}`; a Hono pattern (`:path{.+}`) is dropped. */
const openapiPath = (p: string) => p.replace(/:([A-Za-z_][A-Za-z0-9_]*)(\{[^}]*\})?/g, '{$1}');

export function buildOpenApi(routes: readonly Operation[], parts: OpenApiParts): Json {
  const names = schemaNames(parts.schemas);
  const components: Record<string, Json> = {};
  components.ErrorBody = toSchema(common.ErrorBody, 'output', 'ErrorBody', components);
  components.HTTPValidationError = {
    type: 'object',
    properties: { detail: { type: 'array', items: toSchema(common.ValidationIssue, 'output', 'ValidationIssue', components) } },
    required: ['detail'],
  };
  const ioOf = new Map<string, 'input' | 'output'>();
  const ref = (schema: Schema, io: 'input' | 'output', fallback: string): Json => {
    let name = names.get(schema) ?? fallback;
    // A schema used both ways (defaults make input and output differ) gets two components.
    if (ioOf.has(name) && ioOf.get(name) !== io) name = `${name}${io === 'input' ? 'Input' : 'Output'}`;
    if (!components[name]) {
      components[name] = toSchema(schema, io, name, components);
      ioOf.set(name, io);
    }
    return { $ref: `${COMPONENTS}${name}` };
  };

  const pathsObj: Record<string, Record<string, Json>> = {};
  for (const r of routes) {
    if (r.internal) continue;
    const path = openapiPath(r.path);
    const parameters: Json[] = [];
    for (const m of r.path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)) {
      const name = m[1]!;
      const doc = parts.params.get(name);
      parameters.push({
        name,
        in: 'path',
        required: true,
        schema: doc?.schema ?? { type: 'string', format: 'uuid' },
        description: doc?.description ?? `${parts.things.get(name) ?? name} id (a malformed or unknown one is a 404)`,
      });
    }
    if (r.query) {
      const q = toSchema(r.query, 'input', `${r.operationId}Query`, components) as {
        properties?: Record<string, Json>;
        required?: string[];
      };
      for (const [name, schema] of Object.entries(q.properties ?? {})) {
        const param: Json = { name, in: 'query', required: q.required?.includes(name) ?? false, schema };
        if (r.extensionParams.has(name)) param[EXTENSION_MARK] = true;
        parameters.push(param);
      }
    }
    if (r.idempotent) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: r.idempotencyKeyRequired ?? false,
        schema: { type: 'string', minLength: 1, maxLength: MAX_KEY_LENGTH },
        description: r.idempotencyKeyRequired
          ? 'Required (a request without it is a 422). The same key and body within 24 h returns the first response (a repeat sent while the first runs waits for it) and creates nothing; the same key with another body is a 422.'
          : r.idempotent === true
            ? 'The same key and body within 24 h returns the first response (a repeat sent while the first runs waits for it) and creates nothing; the same key with another body is a 422.'
            : 'Never replayed: the same key and body within 24 h is a 409 naming what the first request created; the same key with another body is a 422.',
      });
    }
    const responses: Record<string, Json> = {};
    for (const [status, spec] of Object.entries(responsesOf(r))) {
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
        description: `${described ? `${described.description}. ` : ''}An Idempotency-Key of more than ${MAX_KEY_LENGTH} characters is a validation error at ["header","Idempotency-Key"]; a key already used with another body, or a rule the operation states (a version without endpoints), has a string detail.`,
        content: {
          'application/json': {
            schema: { anyOf: [{ $ref: '#/components/schemas/HTTPValidationError' }, { $ref: '#/components/schemas/ErrorBody' }] },
          },
        },
      };
    }
    const op: Json = {
      operationId: r.operationId,
      summary: r.summary,
      tags: r.tags,
      parameters,
      responses,
      security:
        r.auth === 'bearer'
          ? [{ bearerAuth: [] }, ...(r.apiKeyBearer ? [{ organizationApiKey: [] }] : [])]
          : r.auth === 'gateway'
            ? [{ bearerAuth: [] }, { serviceToken: [] }]
            : [],
    };
    if (r.allow) op.description = `Roles: ${r.allow.roles.join(', ')}.`;
    if (r.extension) op[EXTENSION_MARK] = true;
    if (r.body) {
      op.requestBody = {
        required: !r.bodyOptional,
        content: { 'application/json': { schema: ref(r.body, 'input', `${r.operationId}Request`) } },
      };
    }
    const item = (pathsObj[path] ??= {});
    if (r.base !== API_BASE) item.servers = [{ url: r.base }] as unknown as Json;
    item[r.method] = op;
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Hosted Services mock platform',
      version: '0.1.0',
      description: 'The console\'s mock of the platform API (CONTRACT.md). Errors follow FastAPI: {"detail": …}.',
    },
    servers: [{ url: '/api/v1' }],
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths: pathsObj,
    components: {
      schemas: components,
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        serviceToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A service token minted for the service (…/service-tokens/mint)',
        },
        organizationApiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'An organization API key (fl_…) as the Bearer credential, as seed 003 documents for agent deployments',
        },
      },
    },
  };
}
