/**
 * The demo seed's cloud credentials: the organization's (gcp, acme-shared,
 * us-central1), and ml-inference's own (acme-ml, europe-west4), which take
 * precedence for it. Secrets only as fingerprints.
 */
import { DEMO_USERS } from '../auth/seed';
import type { CredentialsRecord } from './records';
import type { ServiceRecord } from '../services/records';
import { IDS } from '../core/seed-ids';
import { iso } from '../core/time';
import { fingerprint } from './rules';

export function demoCloudCredentials(services: ServiceRecord[], ago: (days: number) => number): CredentialsRecord[] {
  const records: CredentialsRecord[] = [
    {
      scope: 'organization',
      org_id: IDS.org,
      service_id: null,
      cloud_provider: 'gcp',
      cloud_project_id: 'acme-shared',
      cloud_region: 'us-central1',
      fingerprint: fingerprint('demo organization service account key'),
      updated_at: iso(ago(60)),
      updated_by: DEMO_USERS.admin,
    },
  ];
  const ml = services.find((s) => s.slug === 'ml-inference');
  if (ml) {
    records.push({
      scope: 'service',
      org_id: IDS.org,
      service_id: ml.id,
      cloud_provider: 'gcp',
      cloud_project_id: 'acme-ml',
      cloud_region: 'europe-west4',
      fingerprint: fingerprint('demo ml-inference service account key'),
      updated_at: iso(ago(29)),
      updated_by: DEMO_USERS.developer,
    });
  }
  return records;
}
