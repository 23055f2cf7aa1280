/**
 * The organization's users and invitations (seed 001, CONTRACT §14): list,
 * invite, change a role, remove; accepting an invitation (our extension); the
 * mail the mock "sends" (mail.ts). The users themselves are the auth domain's
 * collection: list this domain after it.
 */
import * as users from '../../src/contract/users';
import { defineDomain } from '../core/domain';
import { ownedBy } from '../core/store';
import type { MailLog } from './mail';
import type { InvitationRecord, Member } from './records';
import { usersApi } from './routes';
import { memberOf } from './rules';

declare module '../core/store' {
  interface Collections {
    /** By id (the invited person's user id to be); an organization's, and found by their token's SHA-256. */
    invitations: Collection<InvitationRecord, 'org' | 'token'>;
  }
}
declare module '../core/context' {
  interface Settings {
    /** `MOCK_CONSOLE_URL`: the console's origin, where invitation links and single sign-on send people (default http://127.0.0.1:5173). */
    consoleUrl: string;
    /** Where each mail's line goes (mail.ts): main.ts prints it in the mock's log; default nowhere. */
    mailLog: MailLog | null;
  }
  interface ScopeParams {
    user_id: { var: 'member'; value: Member };
  }
}

/** An organization's invitations go with it. */
const perOrganization = ownedBy('organizations', 'org', (i: InvitationRecord) => i.org_id);

export const usersDomain = defineDomain({
  name: 'users',
  apis: [usersApi],
  collections: {
    invitations: perOrganization('invitations', (i) => i.id, { token: (i) => i.token_sha256 }),
  },
  settings: { consoleUrl: 'http://127.0.0.1:5173', mailLog: null },
  scope: {
    // Seed 001's users path names no organization: a user of the caller's own, or someone invited to it.
    user_id: {
      var: 'member',
      thing: 'User',
      find: ({ store, id, caller }) => (caller ? memberOf(store, caller.user.org_id, id) : undefined),
    },
  },
  openapi: { schemas: [users] },
});
