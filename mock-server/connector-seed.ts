/**
 * The demo seed's connectors: a PostgreSQL "orders-db" and an S3
 * "documents-bucket" in Production, bound by invoice-extractor
 * (primary_db read_write, s3_storage read_only).
 */
import type { ConnectorInstanceRecord } from './connector-rules';
import { sha256, type ServiceRecord } from './store';

const id = (n: number) => `0f6f2d6e-0000-4000-8000-${String(n).padStart(12, '0')}`;
const PRODUCTION = id(11);

export const CONNECTOR_IDS = { ordersDb: id(61), documentsBucket: id(62) } as const;

/** The instances; binds them on invoice-extractor (mutates `services`). */
export function demoConnectors(services: ServiceRecord[], createdAt: string): ConnectorInstanceRecord[] {
  const common = { org_id: id(1), workspace_id: PRODUCTION, last_test: null, created_at: createdAt, updated_at: createdAt };
  const instances: ConnectorInstanceRecord[] = [
    {
      ...common,
      id: CONNECTOR_IDS.ordersDb,
      connector_id: 'postgresql',
      name: 'orders-db',
      description: 'Orders and invoices (primary, eu-west-1)',
      config: { host: 'orders-db.internal.example.com', port: 5432, database: 'orders', user: 'svc_invoices', ssl: true },
      secrets: { password: sha256('demo-orders-db-password') },
    },
    {
      ...common,
      id: CONNECTOR_IDS.documentsBucket,
      connector_id: 's3',
      name: 'documents-bucket',
      description: 'Scanned supplier documents',
      config: { bucket: 'acme-documents', region: 'eu-west-1', access_key_id: 'AKIADEMO00000000' },
      secrets: { secret_access_key: sha256('demo-documents-bucket-secret') },
    },
  ];
  const invoice = services.find((s) => s.workspace_id === PRODUCTION && s.slug === 'invoice-extractor');
  if (invoice) {
    invoice.connector_bindings = {
      primary_db: { connector_instance_id: CONNECTOR_IDS.ordersDb, role: 'read_write' },
      s3_storage: { connector_instance_id: CONNECTOR_IDS.documentsBucket, role: 'read_only' },
    };
  }
  return instances;
}
