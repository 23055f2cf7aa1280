/** Cloud credentials (CONTRACT §5): the organization's, and a service's own, which take precedence; secrets as fingerprints only. */
import * as credentials from '../../src/contract/credentials';
import { defineDomain } from '../core/domain';
import type { CredentialsRecord } from './records';
import { credentialsApi } from './routes';
import { demoCloudCredentials } from './seed';

declare module '../core/store' {
  interface Collections {
    /** By `organization:<org id>` or `service:<service id>`. */
    cloudCredentials: Collection<CredentialsRecord, 'service' | 'org'>;
  }
}

export const credentialsDomain = defineDomain({
  name: 'credentials',
  apis: [credentialsApi],
  collections: {
    cloudCredentials: {
      table: 'cloud_credentials',
      key: (c) => `${c.scope}:${c.service_id ?? c.org_id}`,
      groups: { service: (c) => c.service_id, org: (c) => c.org_id },
      ownedBy: { collection: 'services', group: 'service' },
    },
  },
  seed: (seed) => (seed.name === 'empty' ? {} : { cloudCredentials: demoCloudCredentials(seed.records('services'), seed.agoMs) }),
  openapi: { schemas: [credentials] },
});
