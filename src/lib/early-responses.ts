/**
 * Answers to the requests a cold load starts before the app's code has arrived
 * (src/app/early-requests.ts, loaded by index.html beside the entry). The app's
 * first GET of exactly that URL takes the answer instead of asking again
 * (src/lib/api-client.ts). Each answer is taken once, only in the first seconds
 * (a later read wants fresh data), and only by the app's first read of its URL:
 * the early script runs `async`, so on a fast load the app may have asked
 * before it, and a later read of that URL — a refresh after a write — must not
 * get the older answer. A write, a sign-in or a sign-out drops them all.
 */
export type EarlyResponses = Map<string, { at: number; response: Promise<Response | null> }>;

declare global {
  /** Set by src/app/early-requests.ts, which imports nothing so that it runs before the app's code arrives. */
  var __hsEarlyResponses: EarlyResponses | undefined;
}

const FRESH_FOR_MS = 10_000;

/** When the app's code started, and the URLs it has read since, in the first seconds (no early answer is fresh after). */
const startedAt = performance.now();
const asked = new Set<string>();

/** The early answer for `url` (null if that request failed), or undefined when there is none to take. */
export function takeEarlyResponse(url: string, now = performance.now()): Promise<Response | null> | undefined {
  if (now - startedAt >= FRESH_FOR_MS) return undefined;
  const first = !asked.has(url);
  asked.add(url);
  const early = globalThis.__hsEarlyResponses;
  const entry = early?.get(url);
  if (!early || !entry) return undefined;
  early.delete(url);
  return first && now - entry.at < FRESH_FOR_MS ? entry.response : undefined;
}

export function dropEarlyResponses(): void {
  globalThis.__hsEarlyResponses?.clear();
}
