/**
 * Connector operations and DDL (CONTRACT §14): what runs on a connector
 * instance — its operations, large writes as jobs, DDL — and the data each
 * instance keeps of its own. Every record belongs to its instance (the
 * connectors domain's) and is deleted with it. It seeds nothing: an
 * instance's data reads as its seed until it is first written
 * (instance-data.ts).
 */
import * as connectorOperations from '../../src/contract/connector-operations';
import type { ConnectorOperation } from '../../src/contract/connector-operations';
import { defineDomain } from '../core/domain';
import { ownedBy } from '../core/store';
import type { ConnectorDataRecord, ConnectorJobRecord, ConnectorObjectRecord, DdlHistoryRecord } from './records';
import { connectorOperationsApi } from './routes';
import { DEFAULT_SQL_TIME_LIMIT_MS } from './sql-pool';

declare module '../core/store' {
  interface Collections {
    /** One per instance once something was written to it. */
    connectorData: Collection<ConnectorDataRecord, 'instance'>;
    connectorObjects: Collection<ConnectorObjectRecord, 'instance'>;
    connectorJobs: Collection<ConnectorJobRecord, 'instance'>;
    connectorDdl: Collection<DdlHistoryRecord, 'instance'>;
  }
}
declare module '../core/context' {
  interface Settings {
    /** How long one statement of a connector instance may run before its runner is killed, ms (default 2000; `MOCK_SQL_TIME_LIMIT_MS`). */
    sqlTimeLimitMs: number;
  }
  interface ScopeParams {
    /** An operation of the instance's connector type (`read_query`, `put_object`). */
    operation_id: { var: 'operation'; value: ConnectorOperation };
  }
}

/** What a connector instance keeps: deleted with it. */
const perInstance = ownedBy('connectorInstances', 'instance', (r: { instance_id: string }) => r.instance_id);

export const connectorOperationsDomain = defineDomain({
  name: 'connector-operations',
  apis: [connectorOperationsApi],
  collections: {
    connectorData: perInstance('connector_data', (d) => d.instance_id),
    connectorObjects: perInstance('connector_objects', (o) => o.id),
    connectorJobs: perInstance('connector_jobs', (j) => j.id),
    connectorDdl: perInstance('connector_ddl', (d) => d.id),
  },
  settings: { sqlTimeLimitMs: DEFAULT_SQL_TIME_LIMIT_MS },
  scope: {
    operation_id: {
      var: 'operation',
      thing: 'Connector operation',
      doc: {
        schema: { type: 'string', examples: ['read_query', 'insert_rows', 'put_object'] },
        description: 'An operation of the connector type (an unknown one is a 404)',
      },
      find: ({ id, scope: { connector } }) => connector?.operations.find((o) => o.id === id),
    },
  },
  openapi: { schemas: [connectorOperations] },
});
