/**
 * The demo seed's connectors: a PostgreSQL "orders-db" and an S3
 * "documents-bucket" in Production, bound by invoice-extractor
 * (primary_db read_write, s3_storage read_only).
 */
import { saltedFingerprint } from '../core/hashing';
import type { ConnectorInstanceRecord } from './records';
import type { ServiceRecord } from '../services/records';
import { IDS } from '../core/seed-ids';

/** The instances; binds them on invoice-extractor (a seed's services are not stored yet, so it may change them). */
export function demoConnectors(services: ServiceRecord[], createdAt: string): ConnectorInstanceRecord[] {
  const common = { org_id: IDS.org, workspace_id: IDS.production, last_test: null, created_at: createdAt, updated_at: createdAt };
  const instances: ConnectorInstanceRecord[] = [
    {
      ...common,
      id: IDS.connectors.ordersDb,
      connector_id: 'postgresql',
      name: 'orders-db',
      description: 'Orders and invoices (primary, eu-west-1)',
      config: { host: 'orders-db.internal.example.com', port: 5432, database: 'orders', user: 'svc_invoices', ssl: true },
      secrets: { password: saltedFingerprint('demo-orders-db-password') },
    },
    {
      ...common,
      id: IDS.connectors.documentsBucket,
      connector_id: 's3',
      name: 'documents-bucket',
      description: 'Scanned supplier documents',
      config: { bucket: 'acme-documents', region: 'eu-west-1', access_key_id: 'AKIADEMO00000000' },
      secrets: { secret_access_key: saltedFingerprint('demo-documents-bucket-secret') },
    },
  ];
  const invoice = services.find((s) => s.workspace_id === IDS.production && s.slug === 'invoice-extractor');
  if (invoice) {
    invoice.connector_bindings = {
      primary_db: { connector_instance_id: IDS.connectors.ordersDb, role: 'read_write' },
      s3_storage: { connector_instance_id: IDS.connectors.documentsBucket, role: 'read_only' },
    };
  }
  return instances;
}
