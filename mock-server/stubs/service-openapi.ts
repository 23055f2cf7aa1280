/**
 * A service's own OpenAPI 3.1 document (seed 001 `GET …/openapi.json`), built
 * from a published version's endpoint snapshot. Plain objects serialised as
 * JSON: user text is data, never escaped by hand.
 */
import { bodyOptional, pathParams, querySchema, stubOperations, usesQuery, type StubInput } from './type-model';

type Json = Record<string, unknown>;
const isObj = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

export function serviceOpenApi(input: StubInput & { description: string | null }): Json {
  const paths: Record<string, Json> = {};
  for (const op of stubOperations(input.snapshot)) {
    const e = op.endpoint;
    const item = (paths[e.path] ??= {});
    const props = isObj(e.request_schema.properties) ? e.request_schema.properties : {};
    const parameters: Json[] = pathParams(e.path).map((name) => {
      const s = props[name];
      const schema = isObj(s) && (s.type === 'integer' || s.type === 'number' || s.type === 'string') ? s : { type: 'string' };
      return { name, in: 'path', required: true, schema };
    });
    const operation: Json = {
      operationId: op.tool,
      summary: e.summary,
      ...(e.description ? { description: e.description } : {}),
      parameters,
      responses: {
        '200': { description: 'Success', content: { 'application/json': { schema: e.response_schema } } },
        '422': { description: 'The request does not match the request schema' },
      },
    };
    if (usesQuery(e.method)) {
      const q = querySchema(e);
      const required = new Set(Array.isArray(q.required) ? q.required : []);
      for (const [name, schema] of Object.entries(isObj(q.properties) ? q.properties : {})) {
        parameters.push({ name, in: 'query', required: required.has(name), schema: isObj(schema) ? schema : {} });
      }
    } else {
      operation.requestBody = { required: !bodyOptional(e.request_schema), content: { 'application/json': { schema: e.request_schema } } };
    }
    item[e.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: input.serviceName,
      version: String(input.version),
      ...(input.description ? { description: input.description } : {}),
    },
    servers: [{ url: `/api/v1/orgs/${input.orgId}/services/${input.serviceId}` }],
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
  };
}
