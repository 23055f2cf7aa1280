/**
 * Connectors (CONTRACT §6): the catalog of types (`:connector_id`, the same
 * in every workspace) and a workspace's instances of them (`:instance_id`).
 */
import * as connectors from '../../src/contract/connectors';
import type { ConnectorType } from '../../src/contract/connectors';
import { belongsTo, defineDomain } from '../core/domain';
import { byId } from '../core/store';
import { unlessEmpty } from '../core/seed';
import { connectorType } from './catalog';
import type { ConnectorInstanceRecord } from './records';
import { connectorsApi } from './routes';
import { demoConnectors } from './seed';

declare module '../core/store' {
  interface Collections {
    connectorInstances: Collection<ConnectorInstanceRecord, 'workspace'>;
  }
}
declare module '../core/context' {
  interface ScopeParams {
    /** A catalog type (the same in every workspace). */
    connector_id: { var: 'connector'; value: ConnectorType };
    instance_id: { var: 'instance'; value: ConnectorInstanceRecord };
  }
}

export const connectorsDomain = defineDomain({
  name: 'connectors',
  apis: [connectorsApi],
  collections: {
    connectorInstances: byId('connector_instances', { workspace: (i) => i.workspace_id }),
  },
  // It binds invoice-extractor to its instances (the services are not stored yet: seed.ts).
  seed: unlessEmpty((seed) => ({ connectorInstances: demoConnectors(seed.records('services'), seed.ago(60)) })),
  scope: {
    connector_id: {
      var: 'connector',
      thing: 'Connector',
      doc: {
        schema: { type: 'string', examples: ['postgresql', 's3', 'http-api'] },
        description: 'Connector type id (an unknown one is a 404)',
      },
      find: ({ id }) => connectorType(id),
    },
    instance_id: {
      var: 'instance',
      thing: 'Connector instance',
      find: belongsTo('connectorInstances', { workspace_id: 'workspace', connector_id: 'connector' }),
    },
  },
  openapi: { schemas: [connectors] },
});
