/**
 * What this platform offers beyond what its documents describe (CONTRACT §11):
 * what the console has learnt, for the session, about each of our extensions.
 *
 * The console relies on the documented calls. Each of our extensions — a path or
 * a query parameter the seeds do not document — is optional: the platform may
 * not have it. The console learns whether it does **on first use** and
 * remembers the answer for the session (sessionStorage, beside the session):
 *
 * - a path: the data layer calls it through `callExtension` or `readExtension`
 *   (`lib/extensions.ts`), which read the answer (a 405 or 501, or a 404 with the
 *   router's generic `{"detail": "Not Found"}`, means the platform has no such
 *   route; a 404 that names what is missing, such as "Service not found", is the
 *   route answering) and remember it here;
 * - a query parameter: the answer shows whether it was applied (a stub of another
 *   version than the one asked for, endpoints of another version, services of
 *   another mode), and the data layer says so with `learnCapability`.
 *
 * Pages read `useCapability()` to show their "not available on this platform"
 * state up front. This file stays small: it is on the services list's first load.
 * The extensions themselves — their calls and their words — are declared in the
 * contract's registry (`src/contract/extensions.ts`), loaded with the pages that use them;
 * only its type is read here, so what sessionStorage holds is checked by state, not by name.
 */
import { useSyncExternalStore } from 'react';
import type { Capability } from '@/contract/extensions';

export type { Capability };

type Known = 'available' | 'unavailable';
export type CapabilityState = Known | 'unknown';

const KEY = 'hs.capabilities';
const listeners = new Set<() => void>();
let known: Partial<Record<Capability, Known>> = load();

function load(): Partial<Record<Capability, Known>> {
  try {
    const raw = globalThis.sessionStorage?.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(
      // A name no registry entry has is never asked for: only the state needs checking.
      Object.entries(parsed).filter(([, state]) => state === 'available' || state === 'unavailable'),
    ) as Partial<Record<Capability, Known>>;
  } catch {
    return {};
  }
}

/** What the console knows about an extension on this platform. */
export function capabilityState(capability: Capability): CapabilityState {
  return known[capability] ?? 'unknown';
}

/** Remember what a call showed, for the rest of the session. */
export function learnCapability(capability: Capability, state: Known): void {
  if (known[capability] === state) return;
  known = { ...known, [capability]: state };
  try {
    globalThis.sessionStorage?.setItem(KEY, JSON.stringify(known));
  } catch {
    // storage may be full or refused: memory still holds it for this page
  }
  listeners.forEach((l) => l());
}

/** Forget everything learnt (tests; a platform that changed under the console). */
export function forgetCapabilities(): void {
  known = {};
  globalThis.sessionStorage?.removeItem(KEY);
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A capability's state, re-rendering when a call teaches the console something. */
export function useCapability(capability: Capability): CapabilityState {
  return useSyncExternalStore(
    subscribe,
    () => capabilityState(capability),
    () => 'unknown' as const,
  );
}

/**
 * True for the error `callExtension` throws when the platform does not have an
 * extension (`ExtensionUnavailable`, lib/extensions.ts), recognised by its name
 * so that what checks it (the query client's retry, the error page) does not load the rest.
 */
export function isExtensionUnavailable(error: unknown, capability?: Capability): error is Error & { capability: Capability } {
  return (
    error instanceof Error &&
    error.name === 'ExtensionUnavailable' &&
    'capability' in error &&
    (capability === undefined || error.capability === capability)
  );
}
