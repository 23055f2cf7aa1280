/** Digests the mock keeps instead of secrets, and the canonical form request bodies are compared in. */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * An HMAC-SHA-256 of `text` under a key derived from `secret` for one
 * `purpose` (so one secret never keys two uses alike): a digest of something
 * that may hold a secret, which no one without the secret can test a guess against.
 */
export function keyedDigest(secret: string, purpose: string, text: string): string {
  const key = createHmac('sha256', secret).update(purpose).digest();
  return createHmac('sha256', key).update(text).digest('hex');
}

const FINGERPRINT = /^hmac-sha256:([A-Za-z0-9_-]{16,}):([0-9a-f]{64})$/;

const hmac = (salt: string, hexDigest: string) => createHmac('sha256', salt).update(hexDigest).digest('hex');

/**
 * What is kept of a secret: `hmac-sha256:<salt>:<HMAC-SHA256 keyed by a random
 * salt of the secret's SHA-256>`. The salt is new for each record, so equal
 * secrets do not look equal and no precomputed table finds one.
 */
export function saltedFingerprint(secret: string): string {
  return saltDigest(sha256(secret));
}

/** The fingerprint of a secret's SHA-256 hex digest, under `salt` (new random bytes unless given). */
export function saltDigest(hexDigest: string, salt = randomBytes(16).toString('base64url')): string {
  return `hmac-sha256:${salt}:${hmac(salt, hexDigest)}`;
}

/** Whether `secret` is the one a fingerprint was made of. */
export function matchesFingerprint(fingerprint: string, secret: string): boolean {
  const m = FINGERPRINT.exec(fingerprint);
  if (!m) return false;
  return timingSafeEqual(Buffer.from(hmac(m[1]!, sha256(secret)), 'hex'), Buffer.from(m[2]!, 'hex'));
}

/** Canonical JSON: object keys sorted, so key order does not make two bodies differ. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
