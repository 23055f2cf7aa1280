/**
 * Who may call a service through the gateway, and its jobs (CONTRACT §7,
 * seed 002, 004): `Authorization: Bearer` with
 * - the caller's own access token (what `flow-sdk login` stores, from a
 *   password or an API key), for a user of the organization that owns the
 *   service; or
 * - a service token minted for the service (revocable, as before).
 *
 * The role rule **[decision]**: admins and developers may make any call;
 * viewers may only read — GET endpoints, a job's status, a batch status
 * check — and get a 403 for anything else. A service token may do
 * everything on its own service.
 *
 * `gatewayCaller` is the `before` middleware of every `auth: 'gateway'`
 * operation: it answers the 401, 403 and 404 the contract names, and sets
 * `c.var.caller` (and `principal` for a user) and the scope of the path
 * (`org`, `workspace`, `service`). The caller is set as soon as it is known,
 * so the request log (requests/recorder.ts, which also names every call in
 * `X-Request-Id`) says who was refused a 403 or a 404.
 */
import type { MiddlewareHandler } from 'hono';
import { GATEWAY_MAX_BODY_BYTES } from '../../src/contract/invoke';
import { decode } from 'hono/jwt';
import { bearerToken, principalOf } from '../core/auth';
import type { GatewayCaller, MockEnv } from '../core/context';
import { forbidden, notFound } from '../core/errors';
import type { BodyLimit } from '../core/json-body';
import { TOKEN_TYPE, verifyServiceToken } from '../tokens/rules';

/** A service token says so in its `typ` claim; anything else is taken for an access token (and verified as one). */
function looksLikeServiceToken(token: string): boolean {
  try {
    return decode(token).payload.typ === TOKEN_TYPE;
  } catch {
    return false;
  }
}

export const gatewayCaller: MiddlewareHandler<MockEnv> = async (c, next) => {
  const { store, platform } = c.var;
  const header = c.req.header('authorization');
  const orgId = c.req.param('org_id') ?? '';
  const serviceId = c.req.param('service_id') ?? '';
  const workspaceId = c.req.param('workspace_id');

  let caller: GatewayCaller;
  if (looksLikeServiceToken(bearerToken(header))) {
    const claims = await verifyServiceToken(store, header);
    caller = { kind: 'service-token', jti: claims.jti, serviceId: claims.sub };
    c.set('caller', caller);
    if (claims.org_id !== orgId || claims.sub !== serviceId) throw forbidden('This token was minted for another service');
  } else {
    const principal = await principalOf(platform, header);
    caller = { kind: 'user', principal };
    c.set('caller', caller);
    c.set('principal', principal);
    // Another organization's service is not found, as everywhere else.
    if (principal.user.org_id !== orgId) throw notFound('Service');
  }
  const service = store.services.get(serviceId);
  if (!service || service.org_id !== orgId || (workspaceId !== undefined && service.workspace_id !== workspaceId))
    throw notFound('Service');
  const org = store.organizations.get(orgId);
  const workspace = store.workspaces.get(service.workspace_id);
  if (!org || !workspace) throw notFound('Service');
  c.set('org', org);
  c.set('workspace', workspace);
  c.set('service', service);
  await next();
};

/** The role of a user caller; a service token acts for its service. */
const roleOf = (caller: GatewayCaller) => (caller.kind === 'user' ? caller.principal.user.role : null);

/**
 * Middleware: only callers who may write go on — a viewer gets the 403 naming
 * what they tried (`Your role (viewer) cannot <action>; <rule>`).
 */
export const writers =
  (action: string, rule = 'viewers may only read'): MiddlewareHandler<MockEnv> =>
  async (c, next) => {
    const role = roleOf(c.var.caller!);
    if (role !== null && role !== 'admin' && role !== 'developer') throw forbidden(`Your role (${role}) cannot ${action}; ${rule}`);
    await next();
  };

/** The gateway reads at most `GATEWAY_MAX_BODY_BYTES` of a body (the operations' `bodyLimit`): beyond, 413, before any of it is parsed. */
export const GATEWAY_BODY_LIMIT: BodyLimit = {
  bytes: GATEWAY_MAX_BODY_BYTES,
  detail: `Request body too large: the gateway reads at most ${GATEWAY_MAX_BODY_BYTES} bytes`,
};
