import * as z from 'zod/mini';
import { Id } from './common';
import { Role } from './auth-read';

export { readTokenResponse, readWhoami, Role, TokenResponse } from './auth-read';
export type { TokenResponseRead, WhoamiRead } from './auth-read';

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

/** whoami as our mock answers (seed 001): every field there, the id a UUID. */
export const Whoami = z.object({
  id: Id,
  email: z.email(),
  name: z.string(),
  role: Role,
  org_id: Id,
});
export type Whoami = z.infer<typeof Whoami>;
