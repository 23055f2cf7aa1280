/** Users and their sessions, as stored: never a password, never a token (only digests of refresh tokens). */
import type { PlatformUser } from '../core/context';

/** A user of the platform (core's `PlatformUser`) and what signs them in. */
export interface UserRecord extends PlatformUser {
  /**
   * A salted fingerprint of the password (`hmac-sha256:<salt>:<digest>`,
   * core/hashing.ts); the mock never keeps a password, nor a bare digest a
   * table could reverse.
   */
  password_fingerprint: string;
  /** When they were invited or seeded (users/rules.ts); absent in states written before it was kept. */
  created_at?: string;
}

export interface RefreshTokenRecord {
  token_sha256: string;
  user_id: string;
  session_id: string;
  expires_at: number;
}

/** An access token revoked before its expiry (logout). */
export interface RevokedJtiRecord {
  jti: string;
  /** The token's own expiry (seconds): after it the record may go. */
  exp: number;
}
