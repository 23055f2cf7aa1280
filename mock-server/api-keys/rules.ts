/**
 * Organization API keys (seed 001, 004): `fl_` and 40 random characters,
 * returned once when created. What is kept is the key's first characters (its
 * `prefix`, to find it by and to show) and a salted fingerprint
 * (`hmac-sha256:<random per-record salt>:<digest>`, core/hashing.ts): a key
 * presented to the exchange is found by its prefix, then checked against the
 * fingerprint in constant time.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { conflict, unauthorized } from '../core/errors';
import { matchesFingerprint, saltedFingerprint } from '../core/hashing';
import type { PlatformUser } from '../core/context';
import type { ApiKeyRecord } from './records';
import type { UserRecord } from '../auth/records';
import type { Store } from '../core/store';
import { iso } from '../core/time';

/** `fl_` and 8 characters: enough to tell keys apart at a glance, far too few to guess the rest. */
export const KEY_PREFIX_LENGTH = 11;
/** The `sid` of a session opened with a key: `api-key:<key id>` (it ends when the key is revoked). */
export const API_KEY_SESSION = 'api-key:';
/** `last_used_at` is written at most this often per key. */
const LAST_USED_EVERY_MS = 60_000;

export const prefixOf = (key: string) => key.slice(0, KEY_PREFIX_LENGTH);

/** A new key: `fl_` and 40 characters of base64url (240 random bits). */
export const newKeyText = () => `fl_${randomBytes(30).toString('base64url')}`;

/** The key record of a key's text, if any (revoked or not). */
export function findApiKey(store: Store, text: string): ApiKeyRecord | undefined {
  return store.apiKeys.in('prefix', prefixOf(text)).find((k) => matchesFingerprint(k.key_hash, text));
}

/** Note that a key was used (at most once a minute, so a busy key does not write on every call). */
export function noteApiKeyUse(store: Store, key: ApiKeyRecord, now = store.clock.now()): void {
  if (key.last_used_at !== null && now - Date.parse(key.last_used_at) < LAST_USED_EVERY_MS) return;
  store.apiKeys.put({ ...key, last_used_at: iso(now) });
}

/** A key the exchange accepts, and the user it acts as; a revoked key is refused at once. */
export function liveApiKey(store: Store, text: string): { key: ApiKeyRecord; user: UserRecord } {
  const key = findApiKey(store, text);
  if (key?.revoked_at) throw unauthorized('This API key was revoked');
  const user = key ? store.users.get(key.user_id) : undefined;
  if (!key || !user) throw unauthorized('Invalid API key');
  return { key, user };
}

/** Make a key for `creator` (whom it acts as): the record, and the key's text, which is returned this once. */
export function createApiKey(store: Store, creator: PlatformUser, name: string): { record: ApiKeyRecord; key: string } {
  const key = newKeyText();
  const record: ApiKeyRecord = {
    id: randomUUID(),
    org_id: creator.org_id,
    user_id: creator.id,
    name,
    prefix: prefixOf(key),
    key_hash: saltedFingerprint(key),
    created_at: iso(store.clock.now()),
    created_by: creator.id,
    last_used_at: null,
    revoked_at: null,
    revoked_by: null,
  };
  store.apiKeys.put(record);
  return { record, key };
}

/** Revoke a key: the exchange refuses it, and sessions opened with it end. Revoking it again changes nothing. */
export function revokeApiKey(store: Store, key: ApiKeyRecord, by: PlatformUser): ApiKeyRecord {
  if (key.revoked_at !== null) return key;
  return store.apiKeys.put({ ...key, revoked_at: iso(store.clock.now()), revoked_by: by.id });
}

/** A create's Idempotency-Key seen again: the key is never shown twice, so the repeat is told which key it made. */
export const apiKeyReplayConflict = (id: string) =>
  conflict(
    `This Idempotency-Key already created API key ${id}; a key is shown only once. Revoke it if it was lost, and create another with a new key.`,
  );
