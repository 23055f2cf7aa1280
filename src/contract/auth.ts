import { z } from 'zod';
import { Id } from './common';

export const Role = z.enum(['admin', 'developer', 'viewer']);
export type Role = z.infer<typeof Role>;

export const LoginRequest = z.strictObject({
  email: z.email({ error: 'Enter a valid email address' }),
  password: z.string().min(1, { error: 'Enter your password' }),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** The API-key exchange that `flow-sdk login` performs (seed 004). */
export const ApiKeyExchangeRequest = z.strictObject({
  api_key: z.string().trim().min(1, { error: 'Enter an API key' }),
  ttl_minutes: z.number().int().min(1).max(24 * 60).default(60),
});
export type ApiKeyExchangeRequest = z.input<typeof ApiKeyExchangeRequest>;

export const RefreshRequest = z.strictObject({ refresh_token: z.string().min(1) });
export const LogoutRequest = z.strictObject({ refresh_token: z.string().min(1).optional() });

export const TokenResponse = z.object({
  access_token: z.string(),
  refresh_token: z.string().nullable(),
  token_type: z.literal('bearer'),
  expires_in: z.number().int(),
});
export type TokenResponse = z.infer<typeof TokenResponse>;

export const Whoami = z.object({
  id: Id,
  email: z.email(),
  name: z.string(),
  role: Role,
  org_id: Id,
});
export type Whoami = z.infer<typeof Whoami>;
