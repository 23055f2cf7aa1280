import * as z from 'zod/mini';
import { Id, listQuery, Name, Person } from './common';
import { lenient, strict, withPage, type Mode, type Reading } from './reading';

/**
 * Organization API keys (seed 001 lists the calls; seed 004: a key looks like
 * `fl_…` and is exchanged for a session by `flow-sdk login`). A key is shown
 * once, when it is created; afterwards only its prefix is known.
 */

/** `POST /organizations/{org_id}/api-keys`: a name to tell it by. */
export const ApiKeyCreate = z.strictObject({ name: Name(100) });
export type ApiKeyCreate = z.infer<typeof ApiKeyCreate>;

/** A key as listed **[decision: fields beyond id and name]**: never the key itself. */
const apiKey = <M extends Mode>(r: Reading<M>) =>
  z.object({
    id: Id,
    name: z.string(),
    /** The first characters of the key (`fl_3xAmPl3d`), to recognise it by. */
    prefix: r.decided(z.nullable(z.string()), null),
    created_at: r.decided(z.nullable(r.timestamp), null),
    last_used_at: r.decided(z.nullable(r.timestamp), null),
    /** Whoever created the key **[decision]**; the key acts as them. */
    created_by: r.decided(z.nullable(Person), null),
    /** Set once revoked: the exchange refuses the key from then on. */
    revoked_at: r.decided(z.nullable(r.timestamp), null),
  });
export const [ApiKey, ApiKeyPage] = withPage(apiKey, strict);
export const [readApiKey, readApiKeyPage] = withPage(apiKey, lenient);
export type ApiKey = z.infer<typeof ApiKey>;
export type ApiKeyRead = z.output<typeof readApiKey>;

/** `GET /organizations/{org_id}/api-keys`: newest first unless `sort` says; `search` covers the name and the prefix. A key has no status (`revoked_at` says it). */
export const ApiKeyListQuery = listQuery(['created_at', 'name', 'last_used_at']);

/** The create's answer: the key, this once (`key`; leniently also `api_key` or `secret`). */
export const ApiKeyCreated = z.extend(ApiKey, { key: z.string().check(z.regex(/^fl_/, { error: 'An API key starts with fl_' })) });
export type ApiKeyCreated = z.infer<typeof ApiKeyCreated>;
export const readApiKeyCreated = z.pipe(
  z.extend(readApiKey, { key: z.optional(z.string()), api_key: z.optional(z.string()), secret: z.optional(z.string()) }),
  z.transform(({ key, api_key, secret, ...rest }, ctx) => {
    const value = key ?? api_key ?? secret;
    if (!value) {
      ctx.issues.push({ code: 'custom', input: rest, message: 'The platform created the key but did not return it' });
      return z.NEVER;
    }
    return { ...rest, key: value };
  }),
);
export type ApiKeyCreatedRead = z.output<typeof readApiKeyCreated>;
