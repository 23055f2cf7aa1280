/**
 * Connectors (CONTRACT §6, seed 001): the catalog of types and their
 * instances. Config is checked by the contract's `configIssues()`; secrets are
 * write-only (an instance lists them in `secrets_set`). Writes: admin and
 * developer; reads: everyone.
 */
import { randomUUID } from 'node:crypto';
import { ConnectionTest, ConnectorInstance, ConnectorInstancePage, ConnectorType, ConnectorTypePage, InstanceCreate, InstanceUpdate } from '../../src/contract/connectors';
import { paths } from '../../src/contract/paths';
import { ROLE_WRITE_SERVICES } from '../core/auth';
import { matches, PageQuery, paginate } from '../core/lists';
import { apiPath, AT, domainApi, operation } from '../core/operations';
import type { ConnectorInstanceRecord } from '../core/records';
import { noContent, reply } from '../core/replies';
import { E401, E403, E404 } from '../core/responses';
import { isoNow } from '../core/time';
import { CONNECTOR_CATALOG } from './catalog';
import { assertUniqueInstanceName, checkConfig, connectionTest, deleteInstance, toInstance } from './rules';

const tags = ['connectors'];
const TYPES = apiPath('/orgs/:org_id/workspaces/:workspace_id/connectors', paths.connectorTypes(AT));
const TYPE = apiPath('/orgs/:org_id/workspaces/:workspace_id/connectors/:connector_id', paths.connectorType(AT, ':connector_id'));
const INSTANCES = apiPath('/orgs/:org_id/workspaces/:workspace_id/connectors/:connector_id/instances', paths.instances(AT, ':connector_id'));
const INSTANCE = apiPath('/orgs/:org_id/workspaces/:workspace_id/connectors/:connector_id/instances/:instance_id', paths.instance(AT, ':connector_id', ':instance_id'));
const TEST = apiPath('/orgs/:org_id/workspaces/:workspace_id/connectors/:connector_id/instances/:instance_id/test', paths.instanceTest(AT, ':connector_id', ':instance_id'));

const E422 = { description: 'Validation error (config issues at ["body","config",<field>])' };
const NAME_TAKEN = { description: 'An instance with this name exists in the workspace' };
const writes = { roles: ROLE_WRITE_SERVICES, action: 'manage connector instances' } as const;

export const connectorsApi = domainApi([
  operation({
    method: 'get',
    path: TYPES,
    operationId: 'listConnectorTypes',
    summary: 'The connector catalog: the types instances can be created of',
    tags,
    auth: 'bearer',
    query: PageQuery,
    responses: { 200: { description: 'A page of connector types', schema: ConnectorTypePage }, 401: E401, 404: E404, 422: E422 },
    handler: ({ var: { query } }) => reply(200, ConnectorTypePage, paginate(CONNECTOR_CATALOG.filter((t) => matches(query.search, t.name, t.description, t.id)), query)),
  }),
  operation({
    method: 'get',
    path: TYPE,
    operationId: 'getConnectorType',
    summary: 'A connector type: its configuration fields and operations',
    tags,
    auth: 'bearer',
    responses: { 200: { description: 'The connector type', schema: ConnectorType }, 401: E401, 404: E404 },
    handler: ({ var: { connector } }) => reply(200, ConnectorType, connector),
  }),
  operation({
    method: 'get',
    path: INSTANCES,
    operationId: 'listConnectorInstances',
    summary: "The workspace's instances of a connector type, by name (secrets never included)",
    tags,
    auth: 'bearer',
    query: PageQuery,
    responses: { 200: { description: 'A page of instances', schema: ConnectorInstancePage }, 401: E401, 404: E404, 422: E422 },
    handler: ({ var: { store, workspace, connector, query } }) => {
      const all = store.connectorInstances
        .in('workspace', workspace.id)
        .filter((i) => i.connector_id === connector.id && matches(query.search, i.name, i.description))
        .sort((a, b) => a.name.localeCompare(b.name));
      return reply(200, ConnectorInstancePage, paginate(all.map(toInstance), query));
    },
  }),
  operation({
    method: 'post',
    path: INSTANCES,
    operationId: 'createConnectorInstance',
    summary: 'Create an instance of a connector type (config checked against its fields; secrets are write-only)',
    tags,
    auth: 'bearer',
    ...writes,
    body: InstanceCreate,
    idempotent: true,
    responses: { 201: { description: 'Created', schema: ConnectorInstance }, 401: E401, 403: E403, 404: E404, 409: NAME_TAKEN, 422: E422 },
    handler: ({ var: { store, workspace, connector, body }, req }) => {
      const { config, secrets } = checkConfig(connector, body.config);
      assertUniqueInstanceName(store, workspace.id, body.name);
      const now = isoNow();
      const rec: ConnectorInstanceRecord = {
        id: randomUUID(),
        org_id: workspace.org_id,
        workspace_id: workspace.id,
        connector_id: connector.id,
        name: body.name,
        description: body.description ?? null,
        config,
        secrets,
        last_test: null,
        created_at: now,
        updated_at: now,
      };
      store.connectorInstances.put(rec);
      return reply(201, ConnectorInstance, toInstance(rec), { Location: `${req.path}/${rec.id}` });
    },
  }),
  operation({
    method: 'get',
    path: INSTANCE,
    operationId: 'getConnectorInstance',
    summary: 'A connector instance (secrets only as names in secrets_set)',
    tags,
    auth: 'bearer',
    responses: { 200: { description: 'The instance', schema: ConnectorInstance }, 401: E401, 404: E404 },
    handler: ({ var: { instance } }) => reply(200, ConnectorInstance, toInstance(instance)),
  }),
  operation({
    method: 'put',
    path: INSTANCE,
    operationId: 'updateConnectorInstance',
    summary: 'Update an instance (partial; config keys merge; a secret left out or empty keeps its value; another field sent empty is cleared)',
    tags,
    auth: 'bearer',
    ...writes,
    body: InstanceUpdate,
    responses: { 200: { description: 'The updated instance', schema: ConnectorInstance }, 401: E401, 403: E403, 404: E404, 409: NAME_TAKEN, 422: E422 },
    handler: ({ var: { store, workspace, connector, instance: prior, body } }) => {
      const { config, secrets } = body.config ? checkConfig(connector, body.config, prior) : prior;
      if (body.name !== undefined) assertUniqueInstanceName(store, workspace.id, body.name, prior.id);
      const changedConfig = JSON.stringify([config, secrets]) !== JSON.stringify([prior.config, prior.secrets]);
      const rec = store.connectorInstances.put({
        ...prior,
        name: body.name ?? prior.name,
        description: body.description !== undefined ? body.description : prior.description,
        config,
        secrets,
        // A test of another configuration says nothing about this one.
        last_test: changedConfig ? null : prior.last_test,
        updated_at: isoNow(),
      });
      return reply(200, ConnectorInstance, toInstance(rec));
    },
  }),
  operation({
    method: 'delete',
    path: INSTANCE,
    operationId: 'deleteConnectorInstance',
    summary: 'Delete an instance no service binds',
    tags,
    auth: 'bearer',
    ...writes,
    responses: { 204: { description: 'Deleted' }, 401: E401, 403: E403, 404: E404, 409: { description: 'Services bind the instance; the detail names them' } },
    handler: ({ var: { store, instance } }) => {
      deleteInstance(store, instance);
      return noContent();
    },
  }),
  operation({
    method: 'post',
    path: TEST,
    operationId: 'testConnectorInstance',
    summary: 'Test connectivity (deterministic in the mock); the result is kept as last_test',
    tags,
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'test connector instances',
    responses: { 200: { description: 'The result, ok or not', schema: ConnectionTest }, 401: E401, 403: E403, 404: E404 },
    handler: ({ var: { store, connector, instance } }) => {
      const result = connectionTest(connector, instance, isoNow());
      store.connectorInstances.put({ ...instance, last_test: result });
      return reply(200, ConnectionTest, result);
    },
  }),
]);
