import type { TokenResponseRead } from '@/contract/auth';
import { dropEarlyResponses } from './early-responses';

/**
 * Where the session lives, and why:
 * - The access token is kept in memory for requests.
 * - So that a reload keeps the user signed in, the token set is also kept in
 *   **sessionStorage** — never localStorage: it is scoped to this tab, gone
 *   when the tab closes, never shared with other tabs or sent automatically
 *   with requests (so no CSRF), and it works against any platform without a
 *   server-side session. The console renders all user text as text, which is
 *   what keeps script out of the page that could read it.
 * - Sign-out and a failed refresh erase it.
 */
const KEY = 'hs.session';

export type Session = {
  accessToken: string;
  refreshToken: string | null;
  /**
   * Epoch milliseconds when the access token expires; null when the platform
   * did not say (`expires_in` is optional), and then a 401 is what tells.
   */
  expiresAt: number | null;
};

let current: Session | null = read();

function read(): Session | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    if (typeof parsed.accessToken !== 'string') return null;
    return {
      accessToken: parsed.accessToken,
      refreshToken: parsed.refreshToken ?? null,
      expiresAt: typeof parsed.expiresAt === 'number' ? parsed.expiresAt : null,
    };
  } catch {
    return null;
  }
}

export function getSession(): Session | null {
  return current;
}

/** Keep a token set; the strict `TokenResponse` is a `TokenResponseRead` too. */
export function setSession(tokens: TokenResponseRead, now = Date.now()): Session {
  current = {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresAt: tokens.expires_in === null ? null : now + tokens.expires_in * 1000,
  };
  globalThis.sessionStorage?.setItem(KEY, JSON.stringify(current));
  // An answer started early for one session is not for another.
  dropEarlyResponses();
  return current;
}

export function clearSession(): void {
  current = null;
  globalThis.sessionStorage?.removeItem(KEY);
  dropEarlyResponses();
}

/**
 * What the access token says about its user (`sub`, `org_id`), read without
 * checking its signature — the platform checks that; the console only fills
 * in what whoami left out. Null for a token that is not a JWT.
 */
export function tokenClaims(token: string | undefined = current?.accessToken): { sub: string | null; org_id: string | null } | null {
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const json: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    if (typeof json !== 'object' || json === null) return null;
    const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null);
    return { sub: text((json as Record<string, unknown>).sub), org_id: text((json as Record<string, unknown>).org_id) };
  } catch {
    return null;
  }
}
