/** What the service tokens leave behind: revocations, and what was minted (never a token). */
import type { Revocation } from '../../src/contract/tokens';

export type RevocationRecord = Revocation;

/**
 * A service token the platform minted: what identifies and describes it, never
 * the token itself (its status is computed when read: tokens/rules.ts).
 */
export interface MintedTokenRecord {
  jti: string;
  service_id: string;
  claims: Record<string, unknown>;
  /** To the millisecond, as the token's `iat` (a revoke-all compares it). */
  issued_at: string;
  expires_at: string;
  issued_by: string;
}
