import * as z from 'zod/mini';
import { Email } from './users';

/** Single sign-on (CONTRACT §14): apart from auth.ts, which every page loads, since only the sign-in page uses it. */

/**
 * `POST /auth/sso/initiate` (seed 001: "Start SSO login flow"): the email's
 * organization decides the identity provider **[body and answer: decision]**.
 */
export const SsoInitiateRequest = z.strictObject({ email: Email });
export type SsoInitiateRequest = z.infer<typeof SsoInitiateRequest>;

/** Where to send the browser: a web address only (never `javascript:` or another scheme), and the state to check on return. */
const WebAddress = z.url({ protocol: /^https?$/, error: 'expected an http or https address' });
export const SsoInitiateResponse = z.object({ authorization_url: WebAddress, state: z.string().check(z.minLength(1)) });
export type SsoInitiateResponse = z.infer<typeof SsoInitiateResponse>;

/**
 * `POST /auth/sso/callback` **[decision, extension]**: what the identity
 * provider sent back to the console's callback; answers the usual token response.
 */
const OpaqueValue = (what: string) =>
  z.string().check(z.minLength(1, { error: `The ${what} is missing` }), z.maxLength(512, { error: `The ${what} is too long` }));
export const SsoCallbackRequest = z.strictObject({ code: OpaqueValue('sign-in code'), state: OpaqueValue('state') });
export type SsoCallbackRequest = z.infer<typeof SsoCallbackRequest>;
