import * as z from 'zod/mini';
import { Role } from './auth';
import { Id, ListQuery, Name, Person, SortField, SortOrder } from './common';
import { lenient, strict, withPage, type Mode, type Reading } from './reading';

/**
 * The organization's users (seed 001: `GET /users`, `POST /users/invite`,
 * `GET|PUT|DELETE /users/{user_id}`, `GET /users/me`; CONTRACT §14). The seed
 * names the calls, not the fields: beyond `id`, `email` and `role`, each field
 * is our decision. The paths are the caller's organization's (the seed puts
 * them under no `/orgs/{org_id}`).
 */

/** `active`: signs in; `invited`: an invitation is out, not yet accepted **[decision]**. */
export const UserStatus = z.enum(['active', 'invited']);
export type UserStatus = z.infer<typeof UserStatus>;

const user = <M extends Mode>(r: Reading<M>) =>
  z.object({
    id: Id,
    email: z.string(),
    /** Null for an invited person who has not said their name yet. */
    name: r.decided(z.nullable(z.string()), null),
    role: r.openEnum(Role),
    /** Leniently null when the platform does not say: read as active. */
    status: r.decided(z.nullable(r.openEnum(UserStatus)), null),
    created_at: r.decided(z.nullable(r.timestamp), null),
    /** Who sent the invitation. */
    invited_by: r.decided(z.nullable(Person), null),
    /** While invited: when the invitation's link stops working. */
    invitation_expires_at: r.decided(z.nullable(r.timestamp), null),
  });
export const [User, UserPage] = withPage(user, strict);
export const [readUser, readUserPage] = withPage(user, lenient);
export type User = z.infer<typeof User>;
export type UserRead = z.output<typeof readUser>;

export const USER_SORT_FIELDS = ['created_at', 'name', 'email', 'role'] as const;
export const UserSort = SortField(USER_SORT_FIELDS);

/** Seed 001's list parameters; `search` covers name and email (CONTRACT §14). */
export const UserListQuery = z.extend(ListQuery, {
  sort: z._default(UserSort, 'created_at'),
  order: z._default(SortOrder, 'desc'),
  status: z.optional(UserStatus),
});
export type UserListQuery = z.output<typeof UserListQuery>;
export type UserListInput = z.input<typeof UserListQuery>;

/** An email address, trimmed and in lower case, so that one person is one address. */
export const Email = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.minLength(1, { error: 'Enter an email address' }),
    z.maxLength(254, { error: 'An email address has at most 254 characters' }),
    z.regex(z.regexes.email, { error: 'Enter a valid email address, such as name@example.com' }),
  );

/** `POST /users/invite` (seed 001): who, and with which role. */
export const UserInvite = z.strictObject({ email: Email, role: Role });
export type UserInvite = z.infer<typeof UserInvite>;

/** `PUT /users/{user_id}` (seed 001: "update user profile or role"): at least one of them. */
export const UserUpdate = z.strictObject({ name: z.optional(Name(100)), role: z.optional(Role) }).check(
  z.refine((u) => u.name !== undefined || u.role !== undefined, {
    error: 'Send a name, a role or both',
  }),
);
export type UserUpdate = z.infer<typeof UserUpdate>;

/** A password someone chooses: 8 to 256 characters, not only spaces **[decision]**. */
export const NewPassword = z.string().check(
  z.minLength(8, { error: 'Use at least 8 characters' }),
  z.maxLength(256, { error: 'Use at most 256 characters' }),
  z.refine((p) => p.trim().length > 0, { error: 'A password cannot be only spaces' }),
);

/**
 * `POST /auth/invitations/accept` **[decision, extension]**: the one-time token
 * from the invitation's link, the password to sign in with, and optionally a
 * name. Answers the usual token response: the person is signed in.
 */
export const InvitationAccept = z.strictObject({
  token: z.string().check(z.minLength(1, { error: 'The invitation link has no token' }), z.maxLength(512)),
  password: NewPassword,
  name: z.optional(Name(100)),
});
export type InvitationAccept = z.infer<typeof InvitationAccept>;
