import { describe, expect, it } from 'vitest';
import { readWhoami } from '@/contract/auth';
import { completeWhoami } from './get-whoami';

const EMAIL = 'dev@example.com';
const ORG = '0f6f2d6e-0000-4000-8000-000000000001';
const USER = '0f6f2d6e-0000-4000-8000-000000000042';

describe('completeWhoami: what a platform’s whoami leaves out', () => {
  it('takes the ids from the token, else the organization from the organizations list, and the name from /users/me, else the email', () => {
    const bare = readWhoami.parse({ email: EMAIL });
    expect(completeWhoami(bare, { claims: { sub: USER, org_id: ORG }, name: 'Dev' })).toMatchObject({
      id: USER,
      org_id: ORG,
      name: 'Dev',
      role: 'viewer',
      role_missing: true,
    });
    expect(completeWhoami(bare, { claims: null, organizationId: ORG })).toMatchObject({ id: null, org_id: ORG, name: EMAIL });
    expect(completeWhoami(bare, { claims: { sub: USER, org_id: null }, organizationId: ORG, name: null })).toMatchObject({
      id: USER,
      org_id: ORG,
      name: EMAIL,
    });
  });

  it('keeps what whoami said over anything found elsewhere', () => {
    const full = readWhoami.parse({ id: 'u-1', email: EMAIL, name: 'From whoami', role: 'admin', org_id: 'o-1' });
    expect(completeWhoami(full, { claims: { sub: USER, org_id: ORG }, name: 'From users/me', organizationId: ORG })).toMatchObject({
      id: 'u-1',
      org_id: 'o-1',
      name: 'From whoami',
      role: 'admin',
      role_missing: false,
    });
  });
});
