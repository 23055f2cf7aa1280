/**
 * The service gateway (CONTRACT §7, seed 001):
 * `* /orgs/{org_id}/services/{service_id}/{path}` and `…/v{version}/{path}`.
 *
 * Needs `Authorization: Bearer <service token>` minted for that service. An
 * unpinned call goes to a serving version picked at random by the traffic
 * split; `v{N}/…` pins version N (404 unless it is serving or draining). The
 * endpoint is found by method and path template; the JSON body (or, for GET
 * and DELETE, the query and path parameters) is checked against its request
 * schema, and the answer is an example built from its response schema, with
 * the version in `X-Service-Version`. One path item in the mock's OpenAPI.
 */
import type { Context } from 'hono';
import { paths } from '../../src/contract/paths';
import { forbidden, HttpError, issue, notFound, validationError } from '../core/errors';
import { apiPath, domainApi, operation, type Method } from '../core/operations';
import type { Reply } from '../core/replies';
import type { Store } from '../core/store';
import { verifyServiceToken } from '../tokens/rules';
import { coerceParam, exampleOf, schemaIssues } from './json-schema-check';
import { findEndpoint, pickVersion } from './rules';

export const GATEWAY_PATH = apiPath('/orgs/:org_id/services/:service_id/:path{.+}', paths.gateway(':org_id', ':service_id', ':path{.+}'));
/** Segments before `{path}` in `/api/v1/orgs/{org}/services/{service}/…`. */
const PREFIX_SEGMENTS = 7;

const BODYLESS = new Set(['GET', 'DELETE']);

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw validationError([issue(['body'], `JSON decode error: ${e instanceof Error ? e.message : 'invalid JSON'}`, 'json_invalid')]);
  }
}

async function invoke(c: Context, store: Store): Promise<Reply> {
  const claims = await verifyServiceToken(store, c.req.header('authorization'));
  const orgId = c.req.param('org_id') ?? '';
  const serviceId = c.req.param('service_id') ?? '';
  if (claims.org_id !== orgId || claims.sub !== serviceId) throw forbidden('This token was minted for another service');
  const service = store.services.get(serviceId);
  if (!service || service.org_id !== orgId) throw notFound('Service');

  let segments = c.req.path.split('/').slice(PREFIX_SEGMENTS).filter(Boolean).map(decode);
  let pinned: number | undefined;
  const pin = segments.length > 1 ? /^v([0-9]{1,6})$/.exec(segments[0]!) : null;
  if (pin) {
    pinned = Number(pin[1]);
    segments = segments.slice(1);
  }
  const v = pickVersion(store, service.id, pinned);
  const versionHeader = { 'X-Service-Version': String(v.version) };
  const method = c.req.method.toUpperCase();
  const { endpoint, params } = findEndpoint(v, method, segments);

  const schema = endpoint.request_schema;
  const props = (typeof schema.properties === 'object' && schema.properties !== null ? schema.properties : {}) as Record<string, unknown>;
  let input: Record<string, unknown> | unknown;
  const fromPath = new Set<string>();
  let where: 'body' | 'query';
  if (BODYLESS.has(method)) {
    where = 'query';
    const q: Record<string, unknown> = {};
    for (const [k, vals] of Object.entries(c.req.queries())) if (vals[0] !== undefined) q[k] = coerceParam(props[k], vals[0]);
    input = q;
  } else {
    where = 'body';
    input = await readJson(c);
  }
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const obj = input as Record<string, unknown>;
    for (const [k, raw] of Object.entries(params)) {
      if (obj[k] === undefined) {
        obj[k] = coerceParam(props[k], raw);
        fromPath.add(k);
      }
    }
  }
  const issues = schemaIssues(schema, input, []).map((i) => ({ ...i, loc: [typeof i.loc[0] === 'string' && fromPath.has(i.loc[0]) ? 'path' : where, ...i.loc] }));
  if (issues.length) throw new HttpError(422, issues, versionHeader);
  return { status: 200, body: exampleOf(endpoint.response_schema), headers: versionHeader };
}

const METHODS: Method[] = ['get', 'post', 'put', 'patch', 'delete'];

export const gatewayApi = domainApi(
  ['gateway'],
  METHODS.map((method) =>
    operation({
    method,
    path: GATEWAY_PATH,
    operationId: `invokeService${method[0]!.toUpperCase()}${method.slice(1)}`,
    summary:
      "Invoke a service endpoint through the gateway with a service token. `{path}` is the endpoint's path; `v{version}/{path}` pins a version, otherwise the traffic split picks one. The body (GET/DELETE: query and path parameters) is checked against the endpoint's request schema; the answer is an example of its response schema.",
    auth: 'service-token',
    responses: {
      200: { description: "An example of the endpoint's response; `X-Service-Version` names the version that answered" },
      401: { description: 'No service token, or it is invalid, expired or revoked' },
      403: { description: 'The token was minted for another service' },
      404: { description: 'No such service, version or endpoint' },
      405: { description: 'The path exists with other methods (see Allow)' },
      409: { description: 'The service has no published version' },
      422: { description: "The request does not match the endpoint's request schema" },
    },
      handler: (c) => invoke(c, c.var.store),
    }),
  ),
);
