import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { ApiError } from '@/lib/api-error';
import { nextAttemptAt } from '@/lib/retry';
import { Countdown } from '@/ui/countdown';

/**
 * When a read the page is waiting for was refused with a 429 and is waiting
 * out the platform's Retry-After before its next attempt: the moment that
 * attempt goes out (the soonest, if several wait), else null.
 */
function useThrottledRetry(): number | null {
  const cache = useQueryClient().getQueryCache();
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]);
  const soonest = useCallback(() => {
    let at: number | null = null;
    for (const query of cache.getAll()) {
      const { fetchStatus, fetchFailureReason, fetchFailureCount } = query.state;
      if (fetchStatus !== 'fetching' || !(fetchFailureReason instanceof ApiError) || fetchFailureReason.status !== 429) continue;
      const next = nextAttemptAt(fetchFailureReason, fetchFailureCount);
      if (at === null || next < at) at = next;
    }
    return at;
  }, [cache]);
  return useSyncExternalStore(subscribe, soonest, () => null);
}

/** "Too many requests — trying again in 27 s", while the page's data waits out a 429. */
export function ThrottleNotice() {
  const at = useThrottledRetry();
  if (at === null || at <= Date.now()) return null;
  return <Countdown key={at} until={at} lead="Too many requests — trying again in" className="wait-notice wait-banner" />;
}
