/**
 * Connectors (CONTRACT §6, seed 001): the catalog of types and their
 * instances. Config is checked by the contract's `configIssues()`; secrets are
 * write-only (an instance lists them in `secrets_set`). Writes: admin and
 * developer; reads: everyone.
 */
import {
  ConnectionTest,
  ConnectorInstance,
  ConnectorInstancePage,
  ConnectorType,
  ConnectorTypeListQuery,
  ConnectorTypePage,
  InstanceCreate,
  InstanceListQuery,
  InstanceUpdate,
} from '../../src/contract/connectors';
import { paths } from '../../src/contract/paths';
import { developers } from '../core/auth';
import { listPage, time, type ListSpec } from '../core/lists';
import { newInWorkspace } from '../core/new-record';
import { del, domainApi, get, post, put, workspacePath } from '../core/operations';
import type { ConnectorInstanceRecord } from './records';
import { noContent, reply } from '../core/replies';
import { CONNECTOR_CATALOG } from './catalog';
import { assertUniqueInstanceName, checkConfig, connectionTest, deleteInstance, toInstance } from './rules';

const TYPES = workspacePath('/connectors', paths.connectorTypes);
const TYPE = workspacePath('/connectors/:connector_id', (s) => paths.connectorType(s, ':connector_id'));
const INSTANCES = workspacePath('/connectors/:connector_id/instances', (s) => paths.instances(s, ':connector_id'));
const INSTANCE = workspacePath('/connectors/:connector_id/instances/:instance_id', (s) =>
  paths.instance(s, ':connector_id', ':instance_id'),
);
const TEST = workspacePath('/connectors/:connector_id/instances/:instance_id/test', (s) =>
  paths.instanceTest(s, ':connector_id', ':instance_id'),
);

const E422 = { description: 'Validation error (config issues at ["body","config",<field>])' };
const NAME_TAKEN = { description: 'An instance with this name exists in the workspace' };
const writes = developers('manage connector instances');

const typeList: ListSpec<ConnectorType> = {
  sort: { name: (t) => t.name, category: (t) => t.category },
  text: (t) => [t.id, t.name, t.description],
};

const instanceList: ListSpec<ConnectorInstanceRecord> = {
  sort: { created_at: (i) => time(i.created_at), updated_at: (i) => time(i.updated_at), name: (i) => i.name },
  text: (i) => [i.name, i.description],
};

export const connectorsApi = domainApi(
  ['connectors'],
  [
    get(
      TYPES,
      'listConnectorTypes',
      'The connector catalog: the types instances can be created of (in its own order unless `sort` is given)',
      {
        query: ConnectorTypeListQuery,
        responses: { 200: { description: 'A page of connector types', schema: ConnectorTypePage }, 422: E422 },
        // Without `sort`, the catalog's order; a sort given reads A to Z unless `order` says otherwise.
        handler: ({ var: { query } }) =>
          reply(200, ConnectorTypePage, listPage(CONNECTOR_CATALOG, { ...query, order: query.order ?? 'asc' }, typeList)),
      },
    ),
    get(TYPE, 'getConnectorType', 'A connector type: its configuration fields and operations', {
      responses: { 200: { description: 'The connector type', schema: ConnectorType } },
      handler: ({ var: { connector } }) => reply(200, ConnectorType, connector),
    }),
    get(INSTANCES, 'listConnectorInstances', "The workspace's instances of a connector type, newest first (secrets never included)", {
      query: InstanceListQuery,
      responses: { 200: { description: 'A page of instances', schema: ConnectorInstancePage }, 422: E422 },
      handler: ({ var: { store, workspace, connector, query } }) => {
        const all = store.connectorInstances.in('workspace', workspace.id).filter((i) => i.connector_id === connector.id);
        const page = listPage(all, query, instanceList);
        return reply(200, ConnectorInstancePage, { ...page, items: page.items.map(toInstance) });
      },
    }),
    post(
      INSTANCES,
      'createConnectorInstance',
      'Create an instance of a connector type (config checked against its fields; secrets are write-only)',
      {
        allow: writes,
        body: InstanceCreate,
        idempotent: true,
        responses: { 201: { description: 'Created', schema: ConnectorInstance }, 409: NAME_TAKEN, 422: E422 },
        handler: ({ var: { store, workspace, connector, body }, req }) => {
          const { config, secrets } = checkConfig(connector, body.config);
          assertUniqueInstanceName(store, workspace.id, body.name);
          const now = store.clock.iso();
          const rec: ConnectorInstanceRecord = {
            ...newInWorkspace(workspace),
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
      },
    ),
    get(INSTANCE, 'getConnectorInstance', 'A connector instance (secrets only as names in secrets_set)', {
      responses: { 200: { description: 'The instance', schema: ConnectorInstance } },
      handler: ({ var: { instance } }) => reply(200, ConnectorInstance, toInstance(instance)),
    }),
    put(
      INSTANCE,
      'updateConnectorInstance',
      'Update an instance (partial; config keys merge; a secret left out or empty keeps its value; another field sent empty is cleared)',
      {
        allow: writes,
        body: InstanceUpdate,
        responses: { 200: { description: 'The updated instance', schema: ConnectorInstance }, 409: NAME_TAKEN, 422: E422 },
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
            updated_at: store.clock.iso(),
          });
          return reply(200, ConnectorInstance, toInstance(rec));
        },
      },
    ),
    del(INSTANCE, 'deleteConnectorInstance', 'Delete an instance no service binds', {
      allow: writes,
      responses: {
        204: { description: 'Deleted' },
        409: { description: 'Services bind the instance; the detail names them' },
      },
      handler: ({ var: { store, instance } }) => {
        deleteInstance(store, instance);
        return noContent();
      },
    }),
    post(TEST, 'testConnectorInstance', 'Test connectivity (deterministic in the mock); the result is kept as last_test', {
      allow: developers('test connector instances'),
      responses: { 200: { description: 'The result, ok or not', schema: ConnectionTest } },
      handler: ({ var: { store, connector, instance } }) => {
        const result = connectionTest(connector, instance, store.clock.iso());
        store.connectorInstances.put({ ...instance, last_test: result });
        return reply(200, ConnectionTest, result);
      },
    }),
  ],
);
