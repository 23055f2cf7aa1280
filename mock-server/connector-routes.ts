/**
 * Connectors (CONTRACT §6, seed 001): the catalog of types and their
 * instances. Config is checked by the contract's `configIssues()`; secrets are
 * write-only (an instance lists them in `secrets_set`). Writes: admin and
 * developer; reads: everyone.
 */
import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { ListQuery } from '../src/contract/common';
import {
  ConnectionTest,
  ConnectorInstance,
  ConnectorInstancePage,
  ConnectorType,
  ConnectorTypePage,
  InstanceCreate,
  InstanceUpdate,
} from '../src/contract/connectors';
import { paths, type Scope } from '../src/contract/paths';
import { ROLE_WRITE_SERVICES } from './auth';
import { CONNECTOR_CATALOG } from './connector-catalog';
import { bindersOf, checkConfig, connectionTest, nameList, toInstance, type ConnectorInstanceRecord } from './connector-rules';
import { conflict } from './errors';
import { defineRoute, must, noContent, reply, type AnyRoute } from './route';
import type { Store } from './store';

const hono = (p: string) => decodeURIComponent(p);
const SCOPE: Scope = { orgId: ':org_id', workspaceId: ':workspace_id' };
const TYPES = hono(paths.connectorTypes(SCOPE));
const TYPE = hono(paths.connectorType(SCOPE, ':connector_id'));
const INSTANCES = hono(paths.instances(SCOPE, ':connector_id'));
const INSTANCE = hono(paths.instance(SCOPE, ':connector_id', ':instance_id'));
const TEST = hono(paths.instanceTest(SCOPE, ':connector_id', ':instance_id'));

const E401 = { description: 'Not authenticated, or the token is invalid or expired' };
const E403 = { description: "The caller's role may not do this" };
const E404 = { description: 'Not found' };
const E422 = { description: 'Validation error (config issues at ["body","config",<field>])' };

const isoNow = () => new Date().toISOString();

export const CatalogQuery = z.pick(ListQuery, { limit: true, offset: true, search: true });

const paginate = <T>(all: T[], q: { limit: number; offset: number }) => ({ items: all.slice(q.offset, q.offset + q.limit), total: all.length, limit: q.limit, offset: q.offset });

const matches = (search: string | undefined, ...fields: (string | null)[]) => !search || fields.some((f) => f !== null && f.toLowerCase().includes(search.toLowerCase()));

/** Instance names are unique in the workspace, across connector types. */
function assertUniqueName(store: Store, workspaceId: string, name: string, exceptId?: string): void {
  for (const i of store.connectorInstances.values()) {
    if (i.workspace_id === workspaceId && i.id !== exceptId && i.name.toLowerCase() === name.toLowerCase()) {
      throw conflict([{ loc: ['body', 'name'], msg: `A connector instance named '${i.name}' already exists in this workspace`, type: 'conflict' }]);
    }
  }
}

export const CONNECTOR_ROUTES: AnyRoute[] = [
  defineRoute({
    method: 'get',
    path: TYPES,
    operationId: 'listConnectorTypes',
    summary: 'The connector catalog: the types instances can be created of',
    tags: ['connectors'],
    auth: 'bearer',
    query: CatalogQuery,
    responses: { 200: { description: 'A page of connector types', schema: ConnectorTypePage }, 401: E401, 404: E404, 422: E422 },
    handler: ({ query }) => reply(200, ConnectorTypePage, paginate(CONNECTOR_CATALOG.filter((t) => matches(query.search, t.name, t.description, t.id)), query)),
  }),
  defineRoute({
    method: 'get',
    path: TYPE,
    operationId: 'getConnectorType',
    summary: 'A connector type: its configuration fields and operations',
    tags: ['connectors'],
    auth: 'bearer',
    responses: { 200: { description: 'The connector type', schema: ConnectorType }, 401: E401, 404: E404 },
    handler: ({ connector }) => reply(200, ConnectorType, must(connector)),
  }),
  defineRoute({
    method: 'get',
    path: INSTANCES,
    operationId: 'listConnectorInstances',
    summary: "The workspace's instances of a connector type, by name (secrets never included)",
    tags: ['connectors'],
    auth: 'bearer',
    query: CatalogQuery,
    responses: { 200: { description: 'A page of instances', schema: ConnectorInstancePage }, 401: E401, 404: E404, 422: E422 },
    handler: ({ store, workspace, connector, query }) => {
      const ws = must(workspace);
      const type = must(connector);
      const all = [...store.connectorInstances.values()]
        .filter((i) => i.workspace_id === ws.id && i.connector_id === type.id && matches(query.search, i.name, i.description))
        .sort((a, b) => a.name.localeCompare(b.name));
      return reply(200, ConnectorInstancePage, paginate(all.map(toInstance), query));
    },
  }),
  defineRoute({
    method: 'post',
    path: INSTANCES,
    operationId: 'createConnectorInstance',
    summary: 'Create an instance of a connector type (config checked against its fields; secrets are write-only)',
    tags: ['connectors'],
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'manage connector instances',
    body: InstanceCreate,
    idempotent: true,
    responses: { 201: { description: 'Created', schema: ConnectorInstance }, 401: E401, 403: E403, 404: E404, 409: { description: 'An instance with this name exists in the workspace' }, 422: E422 },
    handler: ({ store, workspace, connector, body, c }) => {
      const ws = must(workspace);
      const type = must(connector);
      const { config, secrets } = checkConfig(type, body.config);
      assertUniqueName(store, ws.id, body.name);
      const now = isoNow();
      const rec: ConnectorInstanceRecord = {
        id: randomUUID(),
        org_id: ws.org_id,
        workspace_id: ws.id,
        connector_id: type.id,
        name: body.name,
        description: body.description ?? null,
        config,
        secrets,
        last_test: null,
        created_at: now,
        updated_at: now,
      };
      store.connectorInstances.set(rec.id, rec);
      store.changed();
      return reply(201, ConnectorInstance, toInstance(rec), { Location: `${c.req.path}/${rec.id}` });
    },
  }),
  defineRoute({
    method: 'get',
    path: INSTANCE,
    operationId: 'getConnectorInstance',
    summary: 'A connector instance (secrets only as names in secrets_set)',
    tags: ['connectors'],
    auth: 'bearer',
    responses: { 200: { description: 'The instance', schema: ConnectorInstance }, 401: E401, 404: E404 },
    handler: ({ instance }) => reply(200, ConnectorInstance, toInstance(must(instance))),
  }),
  defineRoute({
    method: 'put',
    path: INSTANCE,
    operationId: 'updateConnectorInstance',
    summary: 'Update an instance (partial; config keys merge; a secret left out or empty keeps its value; another field sent empty is cleared)',
    tags: ['connectors'],
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'manage connector instances',
    body: InstanceUpdate,
    responses: { 200: { description: 'The updated instance', schema: ConnectorInstance }, 401: E401, 403: E403, 404: E404, 409: { description: 'An instance with this name exists in the workspace' }, 422: E422 },
    handler: ({ store, workspace, connector, instance, body }) => {
      const prior = must(instance);
      const { config, secrets } = body.config ? checkConfig(must(connector), body.config, prior) : prior;
      if (body.name !== undefined) assertUniqueName(store, must(workspace).id, body.name, prior.id);
      const changedConfig = JSON.stringify([config, secrets]) !== JSON.stringify([prior.config, prior.secrets]);
      const rec: ConnectorInstanceRecord = {
        ...prior,
        name: body.name ?? prior.name,
        description: body.description !== undefined ? body.description : prior.description,
        config,
        secrets,
        // A test of another configuration says nothing about this one.
        last_test: changedConfig ? null : prior.last_test,
        updated_at: isoNow(),
      };
      store.connectorInstances.set(rec.id, rec);
      store.changed();
      return reply(200, ConnectorInstance, toInstance(rec));
    },
  }),
  defineRoute({
    method: 'delete',
    path: INSTANCE,
    operationId: 'deleteConnectorInstance',
    summary: 'Delete an instance no service binds',
    tags: ['connectors'],
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'manage connector instances',
    responses: { 204: { description: 'Deleted' }, 401: E401, 403: E403, 404: E404, 409: { description: 'Services bind the instance; the detail names them' } },
    handler: ({ store, instance }) => {
      const rec = must(instance);
      const users = bindersOf(store, rec).map((s) => s.slug);
      if (users.length) {
        throw conflict(`Connector instance ${rec.name} is bound by ${users.length} ${users.length === 1 ? 'service' : 'services'}: ${nameList(users)}; remove the bindings first`);
      }
      store.connectorInstances.delete(rec.id);
      store.changed();
      return noContent();
    },
  }),
  defineRoute({
    method: 'post',
    path: TEST,
    operationId: 'testConnectorInstance',
    summary: 'Test connectivity (deterministic in the mock); the result is kept as last_test',
    tags: ['connectors'],
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'test connector instances',
    responses: { 200: { description: 'The result, ok or not', schema: ConnectionTest }, 401: E401, 403: E403, 404: E404 },
    handler: ({ store, connector, instance }) => {
      const rec = must(instance);
      const result = connectionTest(must(connector), rec, isoNow());
      store.connectorInstances.set(rec.id, { ...rec, last_test: result });
      store.changed();
      return reply(200, ConnectionTest, result);
    },
  }),
];
