import type { Scope } from '@/contract/paths';

/** The workspace the user last opened, to land there next time (IDs only: not a secret). */
const KEY = 'hs.lastScope';

export function rememberScope(scope: Scope): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(scope));
  } catch {
    /* storage unavailable: landing on the first workspace is fine */
  }
}

export function lastScope(): Partial<Scope> {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Scope>;
    return typeof value === 'object' && value ? value : {};
  } catch {
    return {};
  }
}
