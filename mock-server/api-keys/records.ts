/**
 * An organization API key (api-keys/rules.ts). The key itself is never kept:
 * only `key_hash`, a salted fingerprint (`hmac-sha256:<random per-record
 * salt>:<digest>`, core/hashing.ts), and its first characters (`prefix`), by
 * which a key presented to the exchange is found before its fingerprint is checked.
 */
export interface ApiKeyRecord {
  id: string;
  org_id: string;
  /** Whom the key acts as: its creator. */
  user_id: string;
  name: string;
  /** The key's first characters (`fl_` and 8 more). */
  prefix: string;
  key_hash: string;
  created_at: string;
  created_by: string;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}
