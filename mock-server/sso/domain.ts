/**
 * Single sign-on (seed 001's initiate; CONTRACT §14): initiate, the callback
 * (our extension) and the mock's stand-in identity provider. It signs in the
 * auth domain's users and sends the browser to the console the users domain
 * names (its `consoleUrl` setting): list it after both.
 */
import * as sso from '../../src/contract/sso';
import { defineDomain } from '../core/domain';
import type { SsoRequestRecord } from './records';
import { ssoApi } from './routes';

declare module '../core/store' {
  interface Collections {
    /** Sign-ins under way, by their state's SHA-256. */
    ssoRequests: Collection<SsoRequestRecord>;
  }
}

export const ssoDomain = defineDomain({
  name: 'sso',
  apis: [ssoApi],
  collections: { ssoRequests: { table: 'sso_requests', key: (r) => r.state_sha256 } },
  openapi: { schemas: [sso] },
});
