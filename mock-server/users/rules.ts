/**
 * The organization's users and invitations (seed 001, CONTRACT §14).
 *
 * - An invitation is a record of its own until it is accepted: the list shows
 *   it as a user with `status: "invited"`, under the id the user will keep.
 *   Its one-time token is in the mail only; the record holds its SHA-256.
 * - Roles are read from the user's record on every request (the auth domain's
 *   `auth.user`), so
 *   a role change applies to the user's next request, whatever their token says.
 * - Removing a user ends their sessions at once: their access tokens name a
 *   user who is gone (a 401), their refresh tokens are deleted, and the API
 *   keys they made (which act as them) are revoked.
 * - The last admin of an organization can be neither demoted nor removed (409).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { TokenResponse } from '../../src/contract/auth';
import type { InvitationAccept, User, UserInvite, UserListQuery, UserUpdate } from '../../src/contract/users';
import { revokeApiKey } from '../api-keys/rules';
import { issueTokens, type TokenSettings } from '../auth/rules';
import type { UserRecord } from '../auth/records';
import type { Platform, PlatformUser, Settings } from '../core/context';
import { conflict, forbidden, HttpError, issue, validationError } from '../core/errors';
import { saltedFingerprint, sha256 } from '../core/hashing';
import { paginate } from '../core/lists';
import type { Store } from '../core/store';
import { iso } from '../core/time';
import { sendMail } from './mail';
import type { InvitationRecord, Member } from './records';

/** How long an invitation's link works. */
export const INVITATION_TTL_MS = 7 * 24 * 3600_000;
/** The console's page an invitation links to; the token rides in the fragment, which no server (nor a Referer) ever sees. */
export const ACCEPT_PAGE = '/accept-invitation';

/** The console's origin (the `consoleUrl` setting, `MOCK_CONSOLE_URL`), where invitation links and single sign-on send people. */
export const consoleOrigin = (settings: Readonly<Settings>) => settings.consoleUrl.replace(/\/+$/, '');

const sameEmail = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export const usersOf = (store: Store, orgId: string): UserRecord[] => [...store.users.values()].filter((u) => u.org_id === orgId);

/** Invitations not yet accepted (expired ones included: they show until withdrawn or sent again). */
export const pendingInvitations = (store: Store, orgId: string): InvitationRecord[] =>
  store.invitations.in('org', orgId).filter((i) => i.accepted_at === null);

/** `/users/{user_id}`: a user of the organization, or a pending invitation to it. */
export function memberOf(store: Store, orgId: string, id: string): Member | undefined {
  const user = store.users.get(id);
  if (user) return user.org_id === orgId ? { kind: 'user', user } : undefined;
  const invitation = store.invitations.get(id);
  return invitation && invitation.org_id === orgId && invitation.accepted_at === null ? { kind: 'invitation', invitation } : undefined;
}

function inviterOf(store: Store, id: string | null): User['invited_by'] {
  const by = id ? store.users.get(id) : undefined;
  return by ? { id: by.id, email: by.email, name: by.name } : null;
}

/** A user as the contract shows them: never a password's fingerprint. */
export function userView(store: Store, user: PlatformUser & Pick<UserRecord, 'created_at'>): User {
  const invitation = store.invitations.get(user.id);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    status: 'active',
    created_at: user.created_at ?? null,
    invited_by: inviterOf(store, invitation?.invited_by ?? null),
    invitation_expires_at: null,
  };
}

export function invitationView(store: Store, invitation: InvitationRecord): User {
  return {
    id: invitation.id,
    email: invitation.email,
    name: null,
    role: invitation.role,
    status: 'invited',
    created_at: invitation.created_at,
    invited_by: inviterOf(store, invitation.invited_by),
    invitation_expires_at: invitation.expires_at,
  };
}

export const memberView = (store: Store, m: Member): User =>
  m.kind === 'user' ? userView(store, m.user) : invitationView(store, m.invitation);

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const ROLE_ORDER: Record<string, number> = { admin: 0, developer: 1, viewer: 2 };

function compare(field: UserListQuery['sort'], a: User, b: User): number {
  switch (field) {
    case 'name':
      return collator.compare(a.name ?? a.email, b.name ?? b.email);
    case 'email':
      return collator.compare(a.email, b.email);
    case 'role':
      return (ROLE_ORDER[a.role] ?? 9) - (ROLE_ORDER[b.role] ?? 9);
    case 'created_at':
      return (a.created_at ?? '').localeCompare(b.created_at ?? '');
  }
}

/** `GET /users`: users and pending invitations, filtered, sorted (ties by email), paged. */
export function listMembers(store: Store, orgId: string, q: UserListQuery) {
  const all = [
    ...usersOf(store, orgId).map((u) => userView(store, u)),
    ...pendingInvitations(store, orgId).map((i) => invitationView(store, i)),
  ];
  const term = q.search?.toLowerCase();
  const matching = all.filter(
    (u) =>
      (!q.status || u.status === q.status) &&
      (!term || u.email.toLowerCase().includes(term) || (u.name ?? '').toLowerCase().includes(term)),
  );
  const direction = q.order === 'asc' ? 1 : -1;
  matching.sort((a, b) => direction * (compare(q.sort, a, b) || collator.compare(a.email, b.email)));
  return paginate(matching, q);
}

/** A 409 on a field, in the validation-array form, so that it lands on the form's field. */
const conflictOn = (field: string, msg: string, type: string) => conflict([issue(['body', field], msg, type)]);

/**
 * `POST /users/invite`: a pending invitation and the mail that carries its
 * link. Someone who already has an account, or a pending invitation to this
 * organization, is a 409 on the email; an expired invitation is replaced.
 */
export function invite(platform: Pick<Platform, 'store' | 'settings'>, by: PlatformUser, body: UserInvite): InvitationRecord {
  const { store } = platform;
  const now = store.clock.now();
  if ([...store.users.values()].some((u) => sameEmail(u.email, body.email)))
    throw conflictOn('email', `${body.email} already has an account: change their role instead.`, 'user_exists');
  for (const pending of pendingInvitations(store, by.org_id).filter((i) => sameEmail(i.email, body.email))) {
    if (Date.parse(pending.expires_at) > now)
      throw conflictOn(
        'email',
        `An invitation to ${body.email} is already pending (sent ${pending.created_at.slice(0, 10)}). Withdraw it to send another.`,
        'invitation_pending',
      );
    store.invitations.delete(pending.id);
  }
  const token = randomBytes(32).toString('base64url');
  const invitation: InvitationRecord = {
    id: randomUUID(),
    org_id: by.org_id,
    email: body.email,
    role: body.role,
    token_sha256: sha256(token),
    invited_by: by.id,
    created_at: iso(now),
    expires_at: iso(now + INVITATION_TTL_MS),
    accepted_at: null,
  };
  store.invitations.put(invitation);
  const org = store.organizations.get(by.org_id);
  const link = `${consoleOrigin(platform.settings)}${ACCEPT_PAGE}#token=${token}`;
  // Sent once the invitation is on disk: a failed write sends nothing.
  store.afterCommit((ok) => {
    if (!ok) return;
    sendMail(platform, {
      to: invitation.email,
      subject: `${by.name} invited you to ${org?.name ?? 'their organization'} as ${body.role}`,
      text: `Set a password to join ${org?.name ?? 'the organization'} on Hosted Services. The link works once, until ${invitation.expires_at}.`,
      link,
      sent_at: invitation.created_at,
    });
  });
  return invitation;
}

/** A token problem, said on the token (the accept page says it in a sentence). */
const onToken = (status: number, msg: string, type: string) => new HttpError(status, [issue(['body', 'token'], msg, type)]);

/**
 * `POST /auth/invitations/accept`: the invited person sets a password (and
 * their name) and is signed in. A token that is unknown (or withdrawn) is a
 * 404, used a 409, expired a 410 — each on `token`.
 */
export async function acceptInvitation(store: Store, settings: TokenSettings, body: InvitationAccept): Promise<TokenResponse> {
  const now = store.clock.now();
  const [invitation] = store.invitations.in('token', sha256(body.token));
  if (!invitation)
    throw onToken(404, 'This invitation link is not valid: it may be incomplete, or the invitation was withdrawn.', 'invitation_not_found');
  if (invitation.accepted_at !== null)
    throw onToken(409, 'This invitation has already been accepted: sign in with the password chosen then.', 'invitation_used');
  if (Date.parse(invitation.expires_at) <= now)
    throw onToken(
      410,
      `This invitation expired on ${invitation.expires_at.slice(0, 10)}: ask an admin to invite you again.`,
      'invitation_expired',
    );
  if ([...store.users.values()].some((u) => sameEmail(u.email, invitation.email)))
    throw onToken(409, `${invitation.email} already has an account: sign in instead.`, 'user_exists');
  const user: UserRecord = {
    id: invitation.id,
    email: invitation.email,
    name: body.name ?? invitation.email.split('@')[0]!,
    role: invitation.role,
    org_id: invitation.org_id,
    password_fingerprint: saltedFingerprint(body.password),
    created_at: invitation.created_at,
  };
  store.users.put(user);
  store.invitations.put({ ...invitation, accepted_at: iso(now) });
  return issueTokens(store, user, settings);
}

const adminsOf = (store: Store, orgId: string) => usersOf(store, orgId).filter((u) => u.role === 'admin');
const isLastAdmin = (store: Store, user: UserRecord) => user.role === 'admin' && adminsOf(store, user.org_id).length === 1;
const LAST_ADMIN = (user: UserRecord) =>
  `${user.name} is the organization's last admin: make someone else an admin first, so that someone can still manage it.`;

/**
 * `PUT /users/{user_id}`: admins change anyone's name and role; everyone may
 * change their own name. The last admin cannot be demoted (409 on `role`).
 */
export function updateMember(store: Store, caller: PlatformUser, member: Member, body: UserUpdate): User {
  const self = member.kind === 'user' && member.user.id === caller.id;
  if (caller.role !== 'admin') {
    if (!self || body.role !== undefined)
      throw forbidden(`Your role (${caller.role}) cannot change ${body.role !== undefined ? 'roles' : "another user's name"}`);
  }
  if (member.kind === 'invitation') {
    if (body.name !== undefined)
      throw validationError([issue(['body', 'name'], 'An invited person chooses their name when they accept', 'value_error')]);
    const saved = store.invitations.put({ ...member.invitation, role: body.role ?? member.invitation.role });
    return invitationView(store, saved);
  }
  const user = member.user;
  if (body.role !== undefined && body.role !== 'admin' && isLastAdmin(store, user))
    throw conflictOn('role', LAST_ADMIN(user), 'last_admin');
  return userView(store, store.users.put({ ...user, name: body.name ?? user.name, role: body.role ?? user.role }));
}

/**
 * `DELETE /users/{user_id}`: an invitation is withdrawn (its link stops
 * working); a user is removed, and their sessions and API keys end at once.
 * The last admin cannot be removed (409).
 */
export function removeMember(store: Store, caller: PlatformUser, member: Member): void {
  if (member.kind === 'invitation') {
    store.invitations.delete(member.invitation.id);
    return;
  }
  const user = member.user;
  if (isLastAdmin(store, user)) throw conflict(LAST_ADMIN(user));
  store.users.delete(user.id);
  store.invitations.delete(user.id);
  for (const r of [...store.refreshTokens.values()]) if (r.user_id === user.id) store.refreshTokens.delete(r.token_sha256);
  for (const key of store.apiKeys.in('org', user.org_id)) if (key.user_id === user.id) revokeApiKey(store, key, caller);
}
