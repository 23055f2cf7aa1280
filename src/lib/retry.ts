import type { Query } from '@tanstack/react-query';
import { ApiError } from './api-error';
import { isExtensionUnavailable } from './capabilities';

/** Automatic retries of a failed read: two, for failures that may pass (a network error, a 429, a 5xx). */
const MAX_RETRIES = 2;
/** A longer `Retry-After` is not waited out behind a spinner: the page shows the failure and when a retry is allowed. */
export const MAX_AUTOMATIC_WAIT_MS = 60_000;

/** The wait the platform asked for, in milliseconds (0 when it named none). */
function askedWait(error: unknown): number {
  return error instanceof ApiError && error.retryAfterSeconds !== null ? error.retryAfterSeconds * 1000 : 0;
}

/**
 * How long to wait before retry number `failureCount + 1` (TanStack Query's
 * `retryDelay`): exponential backoff (1 s, 2 s, 4 s … 30 s), and never less
 * than the `Retry-After` the platform sent.
 */
export function retryDelay(failureCount: number, error: unknown): number {
  return Math.max(Math.min(1000 * 2 ** failureCount, 30_000), askedWait(error));
}

/**
 * Whether to retry a failed read automatically (TanStack Query's `retry`): only
 * what may pass, and only a wait worth waiting — never an extension the
 * platform does not have (lib/extensions.ts).
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (isExtensionUnavailable(error)) return false;
  if (error instanceof ApiError && !error.retryable) return false;
  return askedWait(error) <= MAX_AUTOMATIC_WAIT_MS;
}

/**
 * When the next attempt goes out (epoch ms) for a request that failed with
 * `error`, its `failureCount`-th failure — the moment a countdown counts to.
 */
export function nextAttemptAt(error: ApiError, failureCount: number): number {
  return error.receivedAt + retryDelay(Math.max(failureCount - 1, 0), error);
}

/** A 429 whose wait has not passed: nothing may be sent for it before `retryNotBefore`. */
export function isThrottled(error: unknown, now = Date.now()): error is ApiError {
  return error instanceof ApiError && error.status === 429 && (error.retryNotBefore ?? 0) > now;
}

/**
 * For `refetchOnWindowFocus` / `refetchOnReconnect` / `refetchOnMount`: a
 * query the platform throttled is not refetched before its `Retry-After`.
 */
export const unlessThrottled = (query: Query) => !isThrottled(query.state.fetchFailureReason ?? query.state.error);
