/**
 * Users of the caller's organization (seed 001): list, invite, read, change,
 * remove, and who am I; accepting an invitation (our extension); and, in test
 * mode, the mail the mock "sent". Every role reads the users **[decision]**:
 * a viewer reads everything (CONTRACT §8), and must be able to see whom to ask.
 * Admins invite, change roles and remove; anyone may change their own name.
 */
import { TokenResponse } from '../../src/contract/auth';
import { paths } from '../../src/contract/paths';
import { InvitationAccept, User, UserInvite, UserListQuery, UserPage, UserUpdate } from '../../src/contract/users';
import { admins } from '../core/auth';
import { apiPath, del, domainApi, get, post, put } from '../core/operations';
import { noContent, reply } from '../core/replies';
import { E401, E403, E404, E409 } from '../core/responses';
import { MailList, mailSent, MailQuery } from './mail';
import { createTestOrganization, TestOrganization, TestOrganizationCreate } from './test-organization';
import { acceptInvitation, invitationView, invite, listMembers, memberView, removeMember, updateMember, userView } from './rules';

const USERS = apiPath('/users', paths.users());
const INVITE = apiPath('/users/invite', paths.userInvite());
const ME = apiPath('/users/me', paths.usersMe());
const USER = apiPath('/users/:user_id', paths.user(':user_id'));

export const usersApi = domainApi(
  ['users'],
  [
    get(USERS, 'listUsers', "The organization's users and pending invitations (search: name and email; status: active or invited)", {
      query: UserListQuery,
      responses: { 200: { description: 'A page of users', schema: UserPage }, 401: E401 },
      handler: ({ var: { store, principal, query } }) => reply(200, UserPage, listMembers(store, principal.user.org_id, query)),
    }),
    post(
      INVITE,
      'inviteUser',
      'Invite someone by email with a role: a user with status "invited", and a mail with a one-time link to the console (the mock writes it to its log)',
      {
        allow: admins('invite users'),
        body: UserInvite,
        idempotent: true,
        responses: {
          201: { description: 'The invited user', schema: User },
          401: E401,
          403: E403,
          409: { ...E409, description: 'The email already has an account, or a pending invitation (on the email)' },
        },
        handler: ({ var: { store, platform, principal, body } }) =>
          reply(201, User, invitationView(store, invite(platform, principal.user, body))),
      },
    ),
    // Before /users/:user_id, which would take "me" for an id.
    get(ME, 'getCurrentUser', 'The authenticated user, as the users list shows them', {
      responses: { 200: { description: 'The user', schema: User }, 401: E401 },
      // The caller's own record (who they are, and since when), as the auth domain resolved it.
      handler: ({ var: { store, principal } }) => reply(200, User, userView(store, store.users.get(principal.user.id) ?? principal.user)),
    }),
    get(USER, 'getUser', 'A user of the organization, or a pending invitation', {
      responses: { 200: { description: 'The user', schema: User } },
      handler: ({ var: { store, member } }) => reply(200, User, memberView(store, member)),
    }),
    put(
      USER,
      'updateUser',
      "Change a user's name or role (admins; anyone their own name). The role applies from the user's next request.",
      {
        body: UserUpdate,
        responses: {
          200: { description: 'The user as saved', schema: User },
          // Anyone may change their own name: the role check is the rule's, not the operation's.
          403: E403,
          409: { ...E409, description: 'The last admin cannot be demoted (on the role)' },
        },
        handler: ({ var: { store, principal, member, body } }) => reply(200, User, updateMember(store, principal.user, member, body)),
      },
    ),
    del(
      USER,
      'removeUser',
      'Remove a user from the organization (their sessions end at once, their API keys are revoked), or withdraw an invitation',
      {
        allow: admins('remove users'),
        responses: {
          204: { description: 'Removed' },
          409: { ...E409, description: 'The last admin cannot be removed' },
        },
        handler: ({ var: { store, principal, member } }) => {
          removeMember(store, principal.user, member);
          return noContent();
        },
      },
    ),
    post(
      paths.invitationAccept(),
      'acceptInvitation',
      "Accept an invitation with its link's one-time token: set a password (and a name) and sign in",
      {
        tags: ['auth'],
        auth: 'none',
        body: InvitationAccept,
        responses: {
          200: { description: 'Tokens: the person is signed in', schema: TokenResponse },
          404: { ...E404, description: 'No invitation has this token (withdrawn, or the link is incomplete); on the token' },
          409: { ...E409, description: 'The invitation was accepted already; on the token' },
          410: { description: 'The invitation expired; on the token' },
        },
        handler: async ({ var: { store, platform, body } }) =>
          reply(200, TokenResponse, await acceptInvitation(store, platform.settings, body)),
      },
    ),
    get(
      '/__test__/mail',
      'testMail',
      'The mail the mock "sent", newest first (test support: only with MOCK_TEST_ROUTES=1, never cross-origin; no auth)',
      {
        tags: ['test'],
        auth: 'none',
        testSupport: true,
        query: MailQuery,
        responses: { 200: { description: 'Messages', schema: MailList } },
        handler: ({ var: { store, query } }) => reply(200, MailList, { items: mailSent(store, query.to) }),
      },
    ),
    post(
      '/__test__/organizations',
      'testOrganization',
      'An organization of a test’s own: a Production workspace and one user per role, who sign in with the demo password (test support: only with MOCK_TEST_ROUTES=1, never cross-origin; no auth)',
      {
        tags: ['test'],
        auth: 'none',
        testSupport: true,
        body: TestOrganizationCreate,
        responses: {
          201: { description: 'The organization, its workspace and its users', schema: TestOrganization },
          409: { ...E409, description: 'An organization of that name was made already (its users’ emails are taken); on the name' },
        },
        handler: ({ var: { store, body } }) => reply(201, TestOrganization, createTestOrganization(store, body.name)),
      },
    ),
  ],
);
