/** Cloud credentials (CONTRACT §5): the organization's, and a service's own, which take precedence; secrets as fingerprints only. */
import * as credentials from '../../src/contract/credentials';
import { defineDomain } from '../core/domain';
import { unlessEmpty } from '../core/seed';
import { perService } from '../services/collections';
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
    cloudCredentials: perService('cloud_credentials', (c) => `${c.scope}:${c.service_id ?? c.org_id}`, { org: (c) => c.org_id }),
  },
  seed: unlessEmpty((seed) => ({ cloudCredentials: demoCloudCredentials(seed.records('services'), seed.agoMs) })),
  openapi: { schemas: [credentials] },
});
