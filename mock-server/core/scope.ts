/**
 * The scope of a request, resolved once from its path before the role check
 * (so an unknown thing is a 404 before any 403) and handed to the handler in
 * `c.var`: `:org_id` (the caller's own organization only), `:workspace_id`,
 * `:service_id`, `:version_id` and `:endpoint_id` within the service,
 * `:ring_id` and `:instance_id` within the workspace, `:connector_id` a
 * catalog type, `:deployment_id` an agent deployment of the caller's
 * organization and `:agent_service_id` one of its instances, `:key_id` an API
 * key of the organization, `:user_id` a user of the caller's organization or
 * an invitation to it (users/rules.ts). A new parameter is one line in each table below (and its type
 * in context.ts `ScopeVars`).
 */
import type { MiddlewareHandler } from 'hono';
import { connectorType } from '../connectors/catalog';
import { memberOf } from '../users/rules';
import type { MockEnv, Principal, ScopeVars } from './context';
import { notFound } from './errors';
import type { Store } from './store';

/** Each path parameter that names a thing, and the `c.var` it is resolved into. */
export const SCOPE_PARAMS = {
  org_id: 'org',
  workspace_id: 'workspace',
  service_id: 'service',
  version_id: 'version',
  endpoint_id: 'endpoint',
  ring_id: 'ring',
  connector_id: 'connector',
  instance_id: 'instance',
  deployment_id: 'agentDeployment',
  agent_service_id: 'agentService',
  key_id: 'apiKey',
  user_id: 'member',
} as const;
export type ScopeParam = keyof typeof SCOPE_PARAMS;

/** What a parameter names, in its 404 ("Service not found") and in the OpenAPI document. */
export const PARAM_THINGS: Record<ScopeParam, string> = {
  org_id: 'Organization',
  workspace_id: 'Workspace',
  service_id: 'Service',
  version_id: 'Version',
  endpoint_id: 'Endpoint',
  ring_id: 'Ring',
  connector_id: 'Connector',
  instance_id: 'Connector instance',
  deployment_id: 'Agent deployment',
  agent_service_id: 'Agent service instance',
  key_id: 'API key',
  user_id: 'User',
};

type Found<K extends ScopeParam> = ScopeVars[(typeof SCOPE_PARAMS)[K]] | undefined;

/** How each parameter is found, given what the parameters before it resolved. */
const FIND: { [K in ScopeParam]: (store: Store, id: string, scope: Partial<ScopeVars>, caller: Principal | undefined) => Found<K> } = {
  // Users see only their own organization; anything else is "not found".
  org_id: (store, id, _scope, caller) => (caller && id === caller.user.org_id ? store.organizations.get(id) : undefined),
  workspace_id: (store, id, { org }) => (org ? store.workspaceIn(org.id, id) : undefined),
  service_id: (store, id, { workspace }) => (workspace ? store.serviceIn(workspace.id, id) : undefined),
  version_id: (store, id, { service }) => (service ? store.versionIn(service.id, id) : undefined),
  endpoint_id: (store, id, { service }) => (service ? store.endpointIn(service.id, id) : undefined),
  ring_id: (store, id, { workspace }) => {
    const ring = store.rings.get(id);
    return ring && ring.workspace_id === workspace?.id ? ring : undefined;
  },
  connector_id: (_store, id) => connectorType(id),
  instance_id: (store, id, { workspace, connector }) => {
    const instance = store.connectorInstances.get(id);
    return instance && instance.workspace_id === workspace?.id && instance.connector_id === connector?.id ? instance : undefined;
  },
  // Seed 003's path names no organization: the caller's own.
  deployment_id: (store, id, _scope, caller) => {
    const deployment = store.agentDeployments.get(id);
    return deployment && caller && deployment.org_id === caller.user.org_id ? deployment : undefined;
  },
  agent_service_id: (store, id, { agentDeployment }) => {
    const service = store.agentServices.get(id);
    return service && service.deployment_id === agentDeployment?.id ? service : undefined;
  },
  key_id: (store, id, { org }) => {
    const key = store.apiKeys.get(id);
    return key && key.org_id === org?.id ? key : undefined;
  },
  // Seed 001's users path names no organization: the caller's own.
  user_id: (store, id, _scope, caller) => (caller ? memberOf(store, caller.user.org_id, id) : undefined),
};

export const resolveScope: MiddlewareHandler<MockEnv> = async (c, next) => {
  const params = c.req.param() as Partial<Record<ScopeParam, string>>;
  const scope: Partial<ScopeVars> = {};
  for (const param of Object.keys(SCOPE_PARAMS) as ScopeParam[]) {
    const id = params[param];
    if (id === undefined) continue;
    const found = FIND[param](c.var.store, id, scope, c.var.principal);
    // An organization that is not the caller's hides its workspaces too.
    if (!found) throw notFound(param === 'org_id' && params.workspace_id !== undefined ? 'Workspace' : PARAM_THINGS[param]);
    Object.assign(scope, { [SCOPE_PARAMS[param]]: found });
  }
  for (const [name, value] of Object.entries(scope)) c.set(name as keyof ScopeVars, value as never);
  await next();
};
