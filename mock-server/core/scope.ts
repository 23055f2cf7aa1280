/**
 * The scope of a request, resolved once from its path before the role check
 * (so an unknown thing is a 404 before any 403) and handed to the handler in
 * `c.var`: `:org_id` (the caller's own organization only), `:workspace_id`,
 * `:service_id`, `:version_id` and `:endpoint_id` within the service,
 * `:ring_id` and `:instance_id` within the workspace, `:connector_id` a
 * catalog type.
 */
import type { MiddlewareHandler } from 'hono';
import { connectorType } from '../connectors/catalog';
import type { MockEnv } from './context';
import { notFound } from './errors';

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
};

export const resolveScope: MiddlewareHandler<MockEnv> = async (c, next) => {
  const p = c.req.param() as Partial<Record<ScopeParam, string>>;
  const { store, principal } = c.var;
  if (p.org_id !== undefined) {
    const thing = p.workspace_id !== undefined ? 'Workspace' : 'Organization';
    // Users see only their own organization; anything else is "not found".
    const org = principal && p.org_id === principal.user.org_id ? store.organizations.get(p.org_id) : undefined;
    if (!org) throw notFound(thing);
    c.set('org', org);
  }
  const org = c.var.org;
  if (p.workspace_id !== undefined) {
    const workspace = org ? store.workspaceIn(org.id, p.workspace_id) : undefined;
    if (!workspace) throw notFound('Workspace');
    c.set('workspace', workspace);
  }
  const workspace = c.var.workspace;
  if (p.service_id !== undefined) {
    const service = workspace ? store.serviceIn(workspace.id, p.service_id) : undefined;
    if (!service) throw notFound('Service');
    c.set('service', service);
  }
  const service = c.var.service;
  if (p.version_id !== undefined) {
    const version = service ? store.versionIn(service.id, p.version_id) : undefined;
    if (!version) throw notFound('Version');
    c.set('version', version);
  }
  if (p.endpoint_id !== undefined) {
    const endpoint = service ? store.endpointIn(service.id, p.endpoint_id) : undefined;
    if (!endpoint) throw notFound('Endpoint');
    c.set('endpoint', endpoint);
  }
  if (p.ring_id !== undefined) {
    const ring = store.rings.get(p.ring_id);
    if (!ring || ring.workspace_id !== workspace?.id) throw notFound('Ring');
    c.set('ring', ring);
  }
  if (p.connector_id !== undefined) {
    const connector = connectorType(p.connector_id);
    if (!connector) throw notFound('Connector');
    c.set('connector', connector);
  }
  if (p.instance_id !== undefined) {
    const instance = store.connectorInstances.get(p.instance_id);
    if (!instance || instance.workspace_id !== workspace?.id || instance.connector_id !== c.var.connector?.id) throw notFound('Connector instance');
    c.set('instance', instance);
  }
  await next();
};
