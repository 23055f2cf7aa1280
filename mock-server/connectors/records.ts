import type { ConnectionTest } from '../../src/contract/connectors';

export type ConnectorValue = string | number | boolean;

/**
 * A connector instance as stored: non-secret config, and secrets apart, each
 * as a salted fingerprint (`hmac-sha256:<salt>:<digest>`, core/hashing.ts):
 * the mock only needs to know a secret is set, and whether one sent again is
 * the same.
 */
export interface ConnectorInstanceRecord {
  id: string;
  org_id: string;
  workspace_id: string;
  connector_id: string;
  name: string;
  description: string | null;
  config: Record<string, ConnectorValue>;
  secrets: Record<string, string>;
  last_test: ConnectionTest | null;
  created_at: string;
  updated_at: string;
}
