/**
 * Signing in as the console reads it: the token set and who the user is (every signed-in page's first
 * read). The requests (sign-in, API-key exchange, refresh, sign-out) and whoami as the mock answers are
 * in `auth.ts`, which re-exports these (see `common-read.ts` for why).
 */
import * as z from 'zod/mini';
import { isKnown, lenient, strict, type Mode, type Reading } from './reading';

export const Role = z.enum(['admin', 'developer', 'viewer']);
export type Role = z.infer<typeof Role>;

/** The token set (OAuth 2 style): `token_type` in any case; the lifetime and the refresh token may be left out. */
const tokenResponse = <M extends Mode>(r: Reading<M>) =>
  z.object({
    access_token: z.string(),
    refresh_token: r.decided(z.nullable(z.string()), null),
    token_type: r.word('bearer'),
    expires_in: r.decided(z.int(), null),
  });
export const TokenResponse = /* @__PURE__ */ tokenResponse(strict);
export const readTokenResponse = /* @__PURE__ */ tokenResponse(lenient);
export type TokenResponse = z.infer<typeof TokenResponse>;
export type TokenResponseRead = z.output<typeof readTokenResponse>;

/** An id as another platform may send it: any string or number (not necessarily a UUID), or nothing. */
const LooseId = z.pipe(
  z.optional(z.nullable(z.union([z.string().check(z.minLength(1)), z.number()]))),
  z.transform((id) => (id === undefined || id === null ? null : String(id))),
);

/**
 * The signed-in user as the console reads any platform's whoami: only the
 * email is required. A role it does not know is read as `viewer`, the least
 * privileged, and kept in `role_unrecognized`; a missing role is read as
 * `viewer` too, with `role_missing`, so the UI can say so. A missing name is
 * null here (the data layer asks `GET /users/me`, then falls back to the
 * email); a missing or non-UUID `id` or `org_id` is read as it came or null
 * (the data layer fills them from the token or the organizations list).
 */
export const readWhoami = z.pipe(
  z.object({
    id: LooseId,
    email: z.email(),
    name: lenient.decided(z.string(), null),
    role: lenient.decided(lenient.openEnum(Role), null),
    org_id: LooseId,
  }),
  z.transform(({ role, ...user }) => {
    const known = role !== null && isKnown(Role.options, role);
    return {
      ...user,
      role: known ? role : ('viewer' satisfies Role),
      role_unrecognized: known || role === null ? null : (role as string),
      role_missing: role === null,
    };
  }),
);
export type WhoamiRead = z.output<typeof readWhoami>;
