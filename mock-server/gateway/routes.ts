/**
 * The service gateway (CONTRACT §7, seed 001, 004):
 * `* /orgs/{org_id}/services/{service_id}/{path}` and `…/v{version}/{path}`.
 *
 * Takes the caller's own access token or a service token minted for the
 * service (caller.ts: who may call what). An unpinned call goes to a serving
 * version picked at random by the traffic split; `v{N}/…` pins version N (404
 * unless it is active or draining). The endpoint is found by method and path
 * template; the JSON body (or, for GET and DELETE, which take none, the query
 * and path parameters) is checked against its request schema, and the answer is an
 * example built from its response schema, with the version in
 * `X-Service-Version`; every answer names the call in `X-Request-Id`. It
 * takes `MOCK_GATEWAY_LATENCY_MS` to answer. One path item in the mock's OpenAPI.
 *
 * Every call is recorded in the service's request log (requests/recorder.ts,
 * around the operation), and honours the test knobs `X-Mock-Status` and
 * `X-Mock-Latency-Ms` once it has passed auth, routing and the body check (knobs.ts).
 *
 * The body is read as every operation's is (core/json-body.ts), after the
 * caller and their role are known: at most 64 KiB (`GATEWAY_BODY_LIMIT`, 413),
 * JSON only (415), nested at most 64 deep (422).
 */
import { InvokeBody } from '../../src/contract/invoke';
import { paths } from '../../src/contract/paths';
import { exampleOf } from '../../src/contract/schema-example';
import type { ParamDoc } from '../core/context';
import { apiPath, domainApi, operation, type Method } from '../core/operations';
import { noteEndpoint, recordCall } from '../requests/recorder';
import { GATEWAY_BODY_LIMIT, gatewayCaller, writers } from './caller';
import { askedReply, delayAsAsked, readKnobs } from './knobs';
import { calledPath, pathSegments, prepareCall } from './rules';

export const GATEWAY_PATH = apiPath('/orgs/:org_id/services/:service_id/:path{.+}', paths.gateway(':org_id', ':service_id', ':path{.+}'));
/** Segments before `{path}` in `/api/v1/orgs/{org}/services/{service}/…`. */
export const GATEWAY_PREFIX_SEGMENTS = 7;
/** `{path}` in the OpenAPI document (the sync gateway's and the async submit's). */
export const PATH_PARAM: ParamDoc = {
  schema: { type: 'string' },
  description: "The endpoint's path, e.g. extract or extractions/42; v{version}/… pins a version",
};

const METHODS: Method[] = ['get', 'post', 'put', 'patch', 'delete'];
/** Methods whose call carries a JSON body; GET and DELETE take none. */
const WITH_BODY = new Set<Method>(['post', 'put', 'patch']);

export const gatewayApi = domainApi(
  ['gateway'],
  METHODS.map((method) =>
    operation({
      method,
      path: GATEWAY_PATH,
      operationId: `invokeService${method[0]!.toUpperCase()}${method.slice(1)}`,
      summary:
        "Invoke a service endpoint through the gateway, with your own access token (from /auth/login or the API-key exchange; admins and developers may call any method, viewers GET only) or a service token minted for the service. `{path}` is the endpoint's path; `v{version}/{path}` pins a version, otherwise the traffic split picks one. The body (GET/DELETE: query and path parameters) is checked against the endpoint's request schema; the answer is an example of its response schema.",
      auth: 'gateway',
      around: [recordCall({ async: false, calledPath: (path) => calledPath(path, GATEWAY_PREFIX_SEGMENTS) })],
      // A viewer may call GET endpoints only.
      before:
        method === 'get'
          ? [gatewayCaller]
          : [gatewayCaller, writers(`call ${method.toUpperCase()} endpoints through the gateway`, 'viewers may call GET endpoints only')],
      ...(WITH_BODY.has(method) ? { body: InvokeBody, bodyOptional: true } : {}),
      bodyLimit: GATEWAY_BODY_LIMIT,
      responses: {
        200: {
          description:
            "An example of the endpoint's response; `X-Service-Version` names the version that answered, `X-Request-Id` the call (every answer has one)",
        },
        401: { description: 'No token, or it is invalid, expired or revoked' },
        403: { description: 'A service token minted for another service, or a viewer calling anything but GET' },
        404: { description: "No such service (or not your organization's), version or endpoint" },
        405: { description: 'The path exists with other methods (see Allow)' },
        409: { description: 'The service has no published version' },
        413: { description: 'The body is larger than the gateway reads (64 KiB), or too costly to check against the schema in time' },
        422: {
          description: "The request does not match the endpoint's request schema, or its body is not JSON or is nested more than 64 deep",
        },
      },
      handler: async (c) => {
        const { store, platform, service, body } = c.var;
        const knobs = readKnobs(c, platform);
        // The service's own time, once the caller is known (MOCK_GATEWAY_LATENCY_MS).
        if (platform.settings.gatewayLatencyMs > 0) await platform.wall.sleep(platform.settings.gatewayLatencyMs);
        const call = await prepareCall(store, service, {
          method: method.toUpperCase(),
          segments: pathSegments(c.req.path, GATEWAY_PREFIX_SEGMENTS),
          query: c.req.queries(),
          body,
          onMatch: (endpoint) => noteEndpoint(c, endpoint.path),
        });
        await delayAsAsked(knobs, platform);
        if (knobs.status !== undefined) return askedReply(knobs.status, call.version.version);
        return {
          status: 200,
          body: exampleOf(call.endpoint.response_schema),
          headers: { 'X-Service-Version': String(call.version.version) },
        };
      },
    }),
  ),
);
