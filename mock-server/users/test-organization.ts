/**
 * An organization of a test's own (test support, `POST /__test__/organizations`,
 * only with MOCK_TEST_ROUTES=1): the platform has no call that makes one, yet a
 * story that changes what a whole organization shares — its name, its cloud
 * credentials, its users and invitations, its API keys — must not change it
 * under the stories beside it. This makes one as the demo seed makes Acme Corp:
 * a Production workspace (no rings: the story makes what it reads) and one user
 * per role, signed in with the demo password.
 */
import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { Organization, Workspace } from '../../src/contract/organizations';
import { Role } from '../../src/contract/auth';
import { DEMO_PASSWORD } from '../auth/seed';
import { conflict, issue } from '../core/errors';
import { saltedFingerprint } from '../core/hashing';
import type { Store } from '../core/store';
import { iso } from '../core/time';
import { createWorkspace } from '../organizations/rules';

const ROLES = ['admin', 'developer', 'viewer'] as const;

export const TestOrganizationCreate = z.strictObject({
  /** Its name; each user's email is `<role>@<the name's slug>.example.com`. */
  name: z.string().check(z.minLength(1), z.maxLength(60), z.regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/)),
});
export const TestOrganization = z.object({
  organization: Organization,
  workspace: Workspace,
  /** One user per role; each signs in with the demo password. */
  users: z.array(z.object({ id: z.string(), email: z.string(), name: z.string(), role: Role })),
});
export type TestOrganization = z.infer<typeof TestOrganization>;

export function createTestOrganization(store: Store, name: string): TestOrganization {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const emails = ROLES.map((role) => `${role}@${slug}.example.com`);
  if ([...store.users.values()].some((u) => emails.includes(u.email.toLowerCase())))
    throw conflict([issue(['body', 'name'], `An organization named ${name} was made already: give each its own name`, 'conflict')]);
  const created_at = iso(store.clock.now());
  const organization = store.organizations.put({ id: randomUUID(), name, slug: `${slug}-${randomUUID().slice(0, 8)}`, created_at });
  const workspace = createWorkspace(store, organization, 'Production');
  const users = ROLES.map((role, i) =>
    store.users.put({
      id: randomUUID(),
      email: emails[i]!,
      name: `${name} ${role[0]!.toUpperCase()}${role.slice(1)}`,
      role,
      org_id: organization.id,
      password_fingerprint: saltedFingerprint(DEMO_PASSWORD),
      created_at,
    }),
  );
  return { organization, workspace, users: users.map(({ id, email, name, role }) => ({ id, email, name, role })) };
}
