import type { CloudProvider } from '../../src/contract/credentials';

/** Cloud credentials without their secret, which is kept only as a fingerprint. */
export interface CredentialsRecord {
  scope: 'organization' | 'service';
  org_id: string;
  /** Null for the organization's record. */
  service_id: string | null;
  cloud_provider: CloudProvider;
  cloud_project_id: string;
  cloud_region: string | null;
  fingerprint: string;
  updated_at: string;
  updated_by: string | null;
}
