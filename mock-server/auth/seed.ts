/** The demo users (one per role, password `password`); their API keys are the api-keys domain's seed. */
import { saltedFingerprint } from '../core/hashing';
import type { UserRecord } from './records';
import { IDS } from '../core/seed-ids';

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

/** `ago(days)`: the seed's clock. The admin came first, then the others. */
export function demoUsers(ago: (days: number) => string): UserRecord[] {
  return ROLES.map((role, i) => ({
    id: IDS.users[role],
    email: DEMO_USERS[role],
    name: NAMES[role],
    role,
    org_id: IDS.org,
    password_fingerprint: saltedFingerprint(DEMO_PASSWORD),
    created_at: ago(90 - i * 10),
  }));
}
