/**
 * The browser's storage, or null where there is none or it is refused (storage
 * turned off, a sandboxed frame): reading `localStorage` itself throws there.
 */
export function browserStorage(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return globalThis[kind] ?? null;
  } catch {
    return null;
  }
}
