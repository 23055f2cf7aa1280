import * as z from 'zod/mini';
import { Id } from './common';
import { isKnown, lenient, strict, type Mode, type Reading } from './reading';

export const Role = z.enum(['admin', 'developer', 'viewer']);
export type Role = z.infer<typeof Role>;

export const LoginRequest = z.strictObject({
  email: z.email({ error: 'Enter a valid email address' }),
  password: z.string().check(z.minLength(1, { error: 'Enter your password' })),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** The API-key exchange that `flow-sdk login` performs (seed 004). */
export const ApiKeyExchangeRequest = z.strictObject({
  api_key: z.string().check(z.trim(), z.minLength(1, { error: 'Enter an API key' })),
  ttl_minutes: z._default(z.int().check(z.minimum(1), z.maximum(24 * 60)), 60),
});
export type ApiKeyExchangeRequest = z.input<typeof ApiKeyExchangeRequest>;

export const RefreshRequest = z.strictObject({ refresh_token: z.string().check(z.minLength(1)) });
export const LogoutRequest = z.strictObject({ refresh_token: z.optional(z.string().check(z.minLength(1))) });

/** The token set (OAuth 2 style): `token_type` in any case; the lifetime and the refresh token may be left out. */
const tokenResponse = <M extends Mode>(r: Reading<M>) =>
  z.object({
    access_token: z.string(),
    refresh_token: r.decided(z.nullable(z.string()), null),
    token_type: r.word('bearer'),
    expires_in: r.decided(z.int(), null),
  });
export const [TokenResponse, readTokenResponse] = [tokenResponse(strict), tokenResponse(lenient)];
export type TokenResponse = z.infer<typeof TokenResponse>;
export type TokenResponseRead = z.output<typeof readTokenResponse>;

const whoami = <M extends Mode>(r: Reading<M>) =>
  z.object({
    id: Id,
    email: z.email(),
    name: r.decided(z.string(), null),
    role: r.openEnum(Role),
    org_id: Id,
  });
export const Whoami = whoami(strict);
export type Whoami = z.infer<typeof Whoami>;

/**
 * The signed-in user as the console uses it: a role it does not know is read
 * as `viewer`, the least privileged, and kept in `role_unrecognized` so the UI
 * can say so; a missing name reads as the email.
 */
export const readWhoami = z.pipe(
  whoami(lenient),
  z.transform(({ role, name, ...user }) => {
    const known = isKnown(Role.options, role);
    return {
      ...user,
      name: name ?? user.email,
      role: known ? role : ('viewer' satisfies Role),
      role_unrecognized: known ? null : (role as string),
    };
  }),
);
export type WhoamiRead = z.output<typeof readWhoami>;
