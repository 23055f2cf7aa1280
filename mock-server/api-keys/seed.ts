/** The demo users' API keys (`fl_demo_admin`…, docs/mock.md), kept as salted fingerprints. */
import { DEMO_API_KEYS } from '../auth/seed';
import { saltedFingerprint } from '../core/hashing';
import type { ApiKeyRecord } from './records';
import { demoId, IDS } from '../core/seed-ids';
import { prefixOf } from './rules';

const ROLES = ['admin', 'developer', 'viewer'] as const;

export function demoApiKeys(ago: (days: number) => string): ApiKeyRecord[] {
  return ROLES.map((role, i) => ({
    id: demoId(51 + i),
    org_id: IDS.org,
    user_id: IDS.users[role],
    name: `Demo ${role} key`,
    prefix: prefixOf(DEMO_API_KEYS[role]),
    key_hash: saltedFingerprint(DEMO_API_KEYS[role]),
    created_at: ago(100),
    created_by: IDS.users[role],
    last_used_at: null,
    revoked_at: null,
    revoked_by: null,
  }));
}
