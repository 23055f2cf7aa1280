/** Service tokens (CONTRACT §7, seed 004): minted, listed (never the token), revoked one by one or all at once. */
import * as tokens from '../../src/contract/tokens';
import { defineDomain } from '../core/domain';
import type { MintedTokenRecord, RevocationRecord } from './records';
import { tokensApi } from './routes';

declare module '../core/store' {
  interface Collections {
    revocations: Collection<RevocationRecord, 'service'>;
    /** What was minted (never the token): by jti. */
    serviceTokens: Collection<MintedTokenRecord, 'service'>;
  }
}

export const tokensDomain = defineDomain({
  name: 'tokens',
  apis: [tokensApi],
  collections: {
    revocations: {
      table: 'service_token_revocations',
      key: (r) => r.id,
      groups: { service: (r) => r.service_id },
      ownedBy: { collection: 'services', group: 'service' },
    },
    serviceTokens: {
      table: 'service_tokens',
      key: (t) => t.jti,
      groups: { service: (t) => t.service_id },
      ownedBy: { collection: 'services', group: 'service' },
    },
  },
  openapi: { schemas: [tokens] },
});
