import { useEffect, useRef, useState } from 'react';
import type { Scope } from '@/contract/paths';
import type { RequestFilters, RequestRecordRead } from '@/contract/requests';
import { ApiError } from '@/lib/api-error';
import { isExtensionUnavailable } from '@/lib/capabilities';
import { reconnectDelay, streamRequests } from './stream-requests';

/**
 * Where the live tail stands: off; connecting; live; waiting to reconnect
 * (`retryAt`, epoch ms, and why); paused while the browser tab is hidden;
 * stopped for good (the platform refused it: `error`), or not available.
 */
export type TailStatus =
  | { kind: 'off' }
  | { kind: 'connecting' }
  | { kind: 'live' }
  | { kind: 'waiting'; retryAt: number; error: Error | null }
  | { kind: 'hidden' }
  | { kind: 'stopped'; error: Error }
  | { kind: 'unavailable' };

/** A refusal that another try will not change (a bad filter, a deleted service, a role): the tail stops and says why. */
const final = (error: unknown) =>
  error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;

/**
 * The live tail of a service's request log while `enabled`: each new record
 * to `onRecord`, oldest first. It resumes after `resumeAfter` (the newest
 * record already shown), and after a dropped connection from the last record
 * it received (`Last-Event-ID`), waiting longer after each failure (1 s, 2 s,
 * 4 s… at most 30 s). It lets go of the connection while the browser tab is
 * hidden and takes it up again when the tab is shown, and closes it on unmount.
 */
export function useRequestTail({
  scope,
  serviceId,
  filters,
  enabled,
  resumeAfter,
  onRecord,
}: {
  scope: Scope;
  serviceId: string;
  filters: RequestFilters;
  enabled: boolean;
  resumeAfter: string | undefined;
  onRecord: (record: RequestRecordRead) => void;
}): TailStatus {
  const [status, setStatus] = useState<TailStatus>({ kind: 'off' });
  const handle = useRef(onRecord);
  const resume = useRef(resumeAfter);
  useEffect(() => {
    handle.current = onRecord;
    resume.current = resumeAfter;
  });
  const filtersKey = JSON.stringify(filters);
  const { orgId, workspaceId } = scope;

  useEffect(() => {
    if (!enabled) {
      setStatus({ kind: 'off' });
      return;
    }
    const where = { orgId, workspaceId };
    const tailFilters = JSON.parse(filtersKey) as RequestFilters;
    let stopped = false;
    let connection: AbortController | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastId = resume.current;
    let attempt = 0;
    let retryMs: number | undefined;

    const retryLater = (error: Error | null) => {
      const delay = reconnectDelay(attempt++, retryMs);
      setStatus({ kind: 'waiting', retryAt: Date.now() + delay, error });
      timer = setTimeout(connect, delay);
    };

    const connect = async () => {
      clearTimeout(timer);
      if (stopped) return;
      if (document.visibilityState === 'hidden') {
        setStatus({ kind: 'hidden' });
        return;
      }
      const mine = new AbortController();
      connection = mine;
      setStatus({ kind: 'connecting' });
      try {
        lastId = await streamRequests(where, serviceId, tailFilters, {
          lastEventId: lastId,
          signal: mine.signal,
          onOpen: () => {
            attempt = 0;
            setStatus({ kind: 'live' });
          },
          onRecord: (record) => {
            lastId = record.id;
            handle.current(record);
          },
          onRetry: (ms) => (retryMs = ms),
        });
      } catch (error) {
        if (mine.signal.aborted || stopped) return;
        if (isExtensionUnavailable(error)) return setStatus({ kind: 'unavailable' });
        if (final(error)) return setStatus({ kind: 'stopped', error: error as Error });
        return retryLater(error instanceof Error ? error : new Error(String(error)));
      }
      // Aborted (hidden, or unmounted) or closed by the platform, which is then asked again.
      if (!mine.signal.aborted && !stopped) retryLater(null);
    };

    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        clearTimeout(timer);
        connection?.abort();
        connection = null;
        setStatus({ kind: 'hidden' });
      } else if (!connection || connection.signal.aborted) {
        attempt = 0;
        void connect();
      }
    };

    document.addEventListener('visibilitychange', onVisibility);
    void connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      connection?.abort();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [enabled, orgId, workspaceId, serviceId, filtersKey]);

  return status;
}
