/**
 * A single sign-on under way (CONTRACT §14), from `POST /auth/sso/initiate`
 * to the callback. Neither the state nor the code is kept: only their SHA-256
 * (each is 256 random bits). The record stays after its code is used, so that
 * the code sent again is told "already used", until it is swept an hour on.
 */
export interface SsoRequestRecord {
  /** SHA-256 of the `state` the platform issued (the key). */
  state_sha256: string;
  org_id: string;
  /** The email the sign-in was started for (lower case). */
  email: string;
  created_at: string;
  /** After this, the identity provider refuses the sign-in (10 minutes). */
  expires_at: string;
  /** Set when the identity provider signed someone in. */
  code_sha256: string | null;
  user_id: string | null;
  code_issued_at: string | null;
  code_used_at: string | null;
}
