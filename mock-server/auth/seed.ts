/** The demo users (one per role, password `password`) and their API keys, kept as hashes. */
import { sha256 } from '../core/hashing';
import type { ApiKeyRecord, UserRecord } from '../core/records';
import { demoId, IDS } from '../core/seed-ids';

export const DEMO_PASSWORD = 'password';
export const DEMO_USERS = {
  admin: 'admin@example.com',
  developer: 'developer@example.com',
  viewer: 'viewer@example.com',
} as const;
export const DEMO_API_KEYS = {
  admin: 'fl_demo_admin',
  developer: 'fl_demo_developer',
  viewer: 'fl_demo_viewer',
} as const;

const ROLES = ['admin', 'developer', 'viewer'] as const;
const NAMES = { admin: 'Ada Admin', developer: 'Dev Developer', viewer: 'Vic Viewer' } as const;

export function demoUsers(): { users: UserRecord[]; api_keys: ApiKeyRecord[] } {
  return {
    users: ROLES.map((role) => ({ id: IDS.users[role], email: DEMO_USERS[role], name: NAMES[role], role, org_id: IDS.org, password_sha256: sha256(DEMO_PASSWORD) })),
    api_keys: ROLES.map((role, i) => ({ id: demoId(51 + i), user_id: IDS.users[role], name: `Demo ${role} key`, key_sha256: sha256(DEMO_API_KEYS[role]) })),
  };
}
