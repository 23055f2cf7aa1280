/** Service tokens (CONTRACT §7, seed 004): minted, listed (never the token), revoked one by one or all at once. */
import * as tokens from '../../src/contract/tokens';
import { defineDomain } from '../core/domain';
import { perService } from '../services/collections';
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
    revocations: perService('service_token_revocations', (r) => r.id),
    serviceTokens: perService('service_tokens', (t) => t.jti),
  },
  openapi: { schemas: [tokens] },
});
