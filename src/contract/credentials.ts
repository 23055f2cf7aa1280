import * as z from 'zod/mini';
import { humanText, Id } from './common';
import { lenient, strict, type Mode, type Reading } from './reading';

export const CloudProvider = z.enum(['gcp', 'aws', 'azure'], { error: 'Choose a cloud provider: gcp, aws or azure' });
export type CloudProvider = z.infer<typeof CloudProvider>;

/**
 * The offset of the first syntax error in a JSON text, or -1 if there is none.
 * JSON.parse does not always say where it stopped (V8: "Unexpected token 'o',
 * …"), so this scans (iteratively: deep nesting cannot overflow the stack).
 */
export function jsonErrorOffset(t: string): number {
  let i = 0;
  const stack: string[] = [];
  let expect: 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'after' = 'value';
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const skip = () => {
    while (i < t.length && (t[i] === ' ' || t[i] === '\t' || t[i] === '\n' || t[i] === '\r')) i++;
  };
  /** At a quote: consume the string; false (with i at the fault) if it is broken. */
  const string = (): boolean => {
    i++;
    while (i < t.length) {
      const c = t.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 92) {
        const n = t[i + 1];
        if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(i + 2, i + 6))) i += 6;
        else if (n !== undefined && '"\\/bfnrt'.includes(n)) i += 2;
        else return false;
        continue;
      }
      i++;
    }
    return false;
  };
  for (;;) {
    skip();
    if (expect === 'value' || expect === 'valueOrClose') {
      const c = t[i];
      if (expect === 'valueOrClose' && c === ']') {
        i++;
        stack.pop();
        expect = 'after';
      } else if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        expect = c === '{' ? 'keyOrClose' : 'valueOrClose';
      } else if (c === '"') {
        if (!string()) return i;
        expect = 'after';
      } else {
        const literal = ['true', 'false', 'null'].find((w) => t.startsWith(w, i));
        NUMBER.lastIndex = i;
        if (literal) i += literal.length;
        else if (NUMBER.test(t)) i = NUMBER.lastIndex;
        else return i;
        expect = 'after';
      }
    } else if (expect === 'key' || expect === 'keyOrClose') {
      if (expect === 'keyOrClose' && t[i] === '}') {
        i++;
        stack.pop();
        expect = 'after';
        continue;
      }
      if (t[i] !== '"' || !string()) return i;
      skip();
      if (t[i] !== ':') return i;
      i++;
      expect = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i < t.length ? i : -1;
      if (t[i] === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
      } else if (t[i] === (top === '{' ? '}' : ']')) {
        i++;
        stack.pop();
      } else return i;
    }
  }
}

/** Where a JSON.parse error is, in words: "line 3, column 7". */
function jsonError(text: string): string | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be a JSON object, e.g. a service account key';
    return null;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const lc = /line (\d+) column (\d+)/.exec(message);
    const offset = jsonErrorOffset(text);
    const pos = offset >= 0 ? ['', String(offset)] : /position (\d+)/.exec(message);
    let where = '';
    if (lc) where = ` at line ${lc[1]}, column ${lc[2]}`;
    else if (pos) {
      const before = text.slice(0, Number(pos[1]));
      where = ` at line ${before.split('\n').length}, column ${Number(pos[1]) - before.lastIndexOf('\n')}`;
    }
    return `is not valid JSON${where}`;
  }
}

/**
 * A write of cloud credentials (seed 000 "Cloud Credentials"). The secret
 * `cloud_credentials_json` is a JSON document in a string; it is write-only
 * (CONTRACT §5): no read ever returns it.
 */
export const CredentialsWrite = z.strictObject({
  cloud_provider: CloudProvider,
  cloud_credentials_json: z.string({ error: 'Paste the credentials JSON' }).check(
    z.minLength(2, { error: 'Paste the credentials JSON' }),
    z.maxLength(64_000, { error: 'The credentials JSON is too large (64 KB at most)' }),
    z.superRefine((text, ctx) => {
      const problem = jsonError(text);
      if (problem) ctx.addIssue({ code: 'custom', message: `The credentials ${problem}` });
    }),
  ),
  cloud_project_id: z.string().check(z.trim(), z.minLength(1, { error: 'Project is required' }), z.maxLength(100), humanText('Project')),
  cloud_region: z.optional(z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(64), humanText('Region')))),
});
export type CredentialsWrite = z.input<typeof CredentialsWrite>;

/**
 * What reads return instead of the secret: metadata and a short fingerprint.
 * Every read of credentials is our decision (the seeds document only the PUTs).
 */
const credentialsInfo = <M extends Mode>(r: Reading<M>) =>
  z.object({
    cloud_provider: r.openEnum(CloudProvider),
    cloud_project_id: z.string(),
    cloud_region: r.decided(z.nullable(z.string()), null),
    /** First 12 hex digits of the SHA-256 of the secret: tells two secrets apart, reveals nothing. */
    fingerprint: r.decided(z.string(), null),
    updated_at: r.decided(r.timestamp, null),
    updated_by: r.decided(z.nullable(z.string()), null),
  });
export const CredentialsInfo = credentialsInfo(strict);
export type CredentialsInfo = z.infer<typeof CredentialsInfo>;
export const readCredentialsInfo = credentialsInfo(lenient);
export type CredentialsInfoRead = z.output<typeof readCredentialsInfo>;

export const CredentialsSource = z.enum(['service', 'organization', 'none']);

/** A service's own credentials, the organization's, and which one is in force. */
const effectiveCredentials = <M extends Mode>(r: Reading<M>) =>
  z.object({
    source: r.openEnum(CredentialsSource),
    effective: z.nullable(credentialsInfo(r)),
    service: r.decided(z.nullable(credentialsInfo(r)), null),
    organization: r.decided(z.nullable(credentialsInfo(r)), null),
  });
export const EffectiveCredentials = effectiveCredentials(strict);
export type EffectiveCredentials = z.infer<typeof EffectiveCredentials>;
export const readEffectiveCredentials = effectiveCredentials(lenient);
export type EffectiveCredentialsRead = z.output<typeof readEffectiveCredentials>;

/** The admin page's view of the organization record and who overrides it. */
const organizationCredentials = <M extends Mode>(r: Reading<M>) =>
  z.object({
    credentials: z.nullable(credentialsInfo(r)),
    overriding_services: r.decided(
      z.array(z.object({ id: Id, name: z.string(), slug: z.string(), workspace_id: Id, cloud_project_id: z.string() })),
      [],
    ),
  });
export const OrganizationCredentials = organizationCredentials(strict);
export type OrganizationCredentials = z.infer<typeof OrganizationCredentials>;
export const readOrganizationCredentials = organizationCredentials(lenient);
export type OrganizationCredentialsRead = z.output<typeof readOrganizationCredentials>;
