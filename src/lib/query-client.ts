import { QueryClient } from '@tanstack/react-query';
import { retryDelay, shouldRetry, unlessThrottled } from './retry';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // Retry only what may succeed on a second try (a 404 or 403 will not), never before the platform's Retry-After.
        retry: shouldRetry,
        retryDelay,
        refetchOnWindowFocus: unlessThrottled,
        refetchOnReconnect: unlessThrottled,
        refetchOnMount: unlessThrottled,
      },
      // Writes are retried by the user (forms keep their Idempotency-Key); one that opts into retries waits the same way.
      mutations: { retry: false, retryDelay },
    },
  });
}
