import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';
import { isExtensionUnavailable } from './capabilities';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // Retry only what may succeed on a second try; a 404 or 403 will not, nor an extension the platform does not have.
        retry: (failures, error) => failures < 2 && (error instanceof ApiError ? error.retryable : !isExtensionUnavailable(error)),
      },
      mutations: { retry: false },
    },
  });
}
