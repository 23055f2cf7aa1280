/** What the users domain keeps beside the users themselves (the auth domain's `UserRecord`). */
import type { Role } from '../../src/contract/auth';
import type { UserRecord } from '../auth/records';

/**
 * An invitation (CONTRACT §14). Its token is never kept: only its SHA-256 (a
 * token is 256 random bits, so a bare digest cannot be reversed), by which an
 * accept finds it. `id` is the invited person's user id, kept when they accept;
 * an accepted invitation stays (with `accepted_at`) so that its link, used
 * again, is told so rather than "unknown", until the user is removed.
 */
export interface InvitationRecord {
  id: string;
  org_id: string;
  /** Lower case (the contract's `Email`). */
  email: string;
  role: Role;
  token_sha256: string;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}

/** Who `/users/{user_id}` names: a user of the caller's organization, or someone invited to it (rules.ts `memberOf`). */
export type Member = { kind: 'user'; user: UserRecord } | { kind: 'invitation'; invitation: InvitationRecord };
