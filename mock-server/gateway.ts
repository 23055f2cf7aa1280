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
import type { EndpointSnapshot } from '../src/contract/versions';
import { paths } from '../src/contract/paths';
import { HttpError, conflict, forbidden, issue, notFound, validationError } from './errors';
import { coerceParam, exampleOf, schemaIssues } from './gateway-schema';
import { defineRoute, type AnyRoute, type Method, type Reply } from './route';
import { verifyServiceToken } from './service-tokens';
import type { Store, VersionRecord } from './store';
import { isServing } from './versions';

export const GATEWAY_PATH = decodeURIComponent(paths.gateway(':org_id', ':service_id', ':path{.+}'));
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

function pickVersion(store: Store, serviceId: string, pinned: number | undefined): VersionRecord {
  const all = store.versionsOf(serviceId);
  if (pinned !== undefined) {
    const v = all.find((x) => x.version === pinned);
    if (!v) throw new HttpError(404, `Version ${pinned} not found`);
    if (v.status === 'draft') throw new HttpError(404, `Version ${pinned} is not published`);
    if (v.status === 'archived') throw new HttpError(404, `Version ${pinned} is archived`);
    return v;
  }
  const serving = all.filter((v) => isServing(v) && v.traffic_percent > 0);
  if (serving.length === 0) throw conflict('This service has no published version');
  const total = serving.reduce((n, v) => n + v.traffic_percent, 0);
  let r = Math.random() * total;
  for (const v of serving) {
    r -= v.traffic_percent;
    if (r < 0) return v;
  }
  return serving[serving.length - 1]!;
}

/** Match `segments` against the version's templates: literal segments beat `{params}`. */
function findEndpoint(v: VersionRecord, method: string, segments: string[]): { endpoint: EndpointSnapshot; params: Record<string, string> } {
  const candidates: { e: EndpointSnapshot; params: Record<string, string>; score: number }[] = [];
  for (const e of v.endpoint_snapshot ?? []) {
    const tpl = e.path.split('/').filter(Boolean);
    if (tpl.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let score = 0;
    let ok = true;
    tpl.forEach((t, i) => {
      const m = /^\{([a-z_][a-z0-9_]*)\}$/.exec(t);
      if (m) params[m[1]!] = segments[i]!;
      else if (t === segments[i]) score++;
      else ok = false;
    });
    if (ok) candidates.push({ e, params, score });
  }
  const shown = `/${segments.join('/')}`;
  if (candidates.length === 0) throw new HttpError(404, `No endpoint ${method} ${shown} in version ${v.version}`, { 'X-Service-Version': String(v.version) });
  const withMethod = candidates.filter((c) => c.e.method === method).sort((a, b) => b.score - a.score);
  if (withMethod.length === 0) {
    const allow = [...new Set(candidates.map((c) => c.e.method))].join(', ');
    throw new HttpError(405, `Method Not Allowed: ${shown} accepts ${allow} in version ${v.version}`, { Allow: allow, 'X-Service-Version': String(v.version) });
  }
  return { endpoint: withMethod[0]!.e, params: withMethod[0]!.params };
}

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

export const GATEWAY_ROUTES: AnyRoute[] = METHODS.map((method) =>
  defineRoute({
    method,
    path: GATEWAY_PATH,
    operationId: `invokeService${method[0]!.toUpperCase()}${method.slice(1)}`,
    summary:
      "Invoke a service endpoint through the gateway with a service token. `{path}` is the endpoint's path; `v{version}/{path}` pins a version, otherwise the traffic split picks one. The body (GET/DELETE: query and path parameters) is checked against the endpoint's request schema; the answer is an example of its response schema.",
    tags: ['gateway'],
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
    handler: ({ c, store }) => invoke(c, store),
  }),
);
