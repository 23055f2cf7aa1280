/**
 * The signing secrets — of user sessions (access tokens) and of service
 * tokens — live apart from the data, in their own file beside the database
 * (`x.sqlite` → `x.secrets.json`), readable by its owner only, created on the
 * first start. Whoever reads or copies the state cannot forge a token with it,
 * and no response or log line carries them. They are not state: a reset (or
 * `--reset`) keeps them, so sessions survive it.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface SigningSecrets {
  /** Signs user sessions' access tokens. */
  session: string;
  /** Signs minted service tokens. */
  serviceToken: string;
}

const OWNER_ONLY = 0o600;

const fresh = () => randomBytes(32).toString('base64url');

/** The secrets file of a database: `x.sqlite` → `x.secrets.json`. */
export function secretsPath(database: string): string {
  return `${database.replace(/\.(sqlite3?|db)$/, '')}.secrets.json`;
}

function read(file: string): SigningSecrets {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: not a secrets file (${e instanceof SyntaxError ? 'not JSON' : String(e)})`, { cause: e });
  }
  const { session, service_token: serviceToken } = (data ?? {}) as Record<string, unknown>;
  if (typeof session !== 'string' || session.length < 32 || typeof serviceToken !== 'string' || serviceToken.length < 32) {
    throw new Error(`${file}: not a secrets file (it needs "session" and "service_token", 32 characters or more)`);
  }
  return { session, serviceToken };
}

/**
 * The signing secrets: read from `file`, or, when it does not exist yet, new
 * random ones created there (owner only, on disk before it returns). `file`
 * null: in memory only.
 */
export function loadSigningSecrets(file: string | null): SigningSecrets {
  if (file && existsSync(file)) {
    chmodSync(file, OWNER_ONLY);
    return read(file);
  }
  const secrets = { session: fresh(), serviceToken: fresh() };
  if (!file) return secrets;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  // Written whole to a file of its own, then linked into place: a crash leaves no half-written secrets file,
  // and linking never replaces secrets another process has just written (then those are read).
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(draft, 'wx', OWNER_ONLY);
  try {
    writeSync(fd, `${JSON.stringify({ session: secrets.session, service_token: secrets.serviceToken }, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(draft, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return read(file);
  } finally {
    rmSync(draft, { force: true });
  }
  const dir = openSync(dirname(file), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
  return secrets;
}
