import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { paths, type Scope } from '@/contract/paths';
import { readRequestPage, type RequestFilters } from '@/contract/requests';
import { api } from '@/lib/api-client';
import { callExtension } from '@/lib/extensions';
import { requestKeys } from './keys';

/** How many records a page asks for. */
export const REQUESTS_PAGE_SIZE = 50;

/** The filters as query parameters (`status` a class or a code, times as ISO). */
export const filterQuery = (filters: RequestFilters) => ({
  version: filters.version,
  status: filters.status === undefined ? undefined : String(filters.status),
  method: filters.method,
  path: filters.path,
  search: filters.search,
  since: filters.since,
  until: filters.until,
});

/**
 * [extension] `GET …/hosted-services/{id}/requests` (CONTRACT §12): a page of
 * what the gateway answered, newest first; `before` (a record's id) asks for
 * the page after it, older. A platform without the request log throws
 * `ExtensionUnavailable` (the Logs tab says so).
 */
export const getRequests = (scope: Scope, serviceId: string, filters: RequestFilters, before: string | undefined, signal?: AbortSignal) =>
  callExtension('requestLog', () =>
    api.get(paths.requests(scope, serviceId), readRequestPage, {
      query: { ...filterQuery(filters), limit: REQUESTS_PAGE_SIZE, before },
      signal,
    }),
  );

export type RequestPageRead = Awaited<ReturnType<typeof getRequests>>;

/** One page: the newest (no `before`), or the one older than `before`, which never changes. */
export const requestPageOptions = (scope: Scope, serviceId: string, filters: RequestFilters, before?: string) =>
  queryOptions({
    queryKey: requestKeys.page(scope, serviceId, filters, before ?? null),
    queryFn: ({ signal }) => getRequests(scope, serviceId, filters, before, signal),
    staleTime: before ? Infinity : 0,
    // Newer records come by Refresh or Live: a page that changed on its own would leave a gap before the older pages shown.
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

/**
 * The log as a reader pages through it: the newest page (a query), then the
 * older pages asked for with `fetchOlder`, each after the last record shown.
 * Not `useInfiniteQuery`: its observer would join the framework chunk that
 * every page loads (vite.config.ts), and a log needs no more than this.
 */
export function useRequestLog(scope: Scope, serviceId: string, filters: RequestFilters) {
  const queryClient = useQueryClient();
  const newest = useQuery(requestPageOptions(scope, serviceId, filters));
  const [older, setOlder] = useState<RequestPageRead[]>([]);
  const [olderState, setOlderState] = useState<{ loading: boolean; error: Error | null }>({ loading: false, error: null });
  const pages = newest.data ? [newest.data, ...older] : [];
  const nextBefore = pages.at(-1)?.next_before ?? null;

  const fetchOlder = async () => {
    if (nextBefore === null || olderState.loading) return;
    setOlderState({ loading: true, error: null });
    try {
      const page = await queryClient.fetchQuery(requestPageOptions(scope, serviceId, filters, nextBefore));
      setOlder((pages) => [...pages, page]);
      setOlderState({ loading: false, error: null });
    } catch (error) {
      setOlderState({ loading: false, error: error instanceof Error ? error : new Error(String(error)) });
    }
  };
  /** Read the newest page again; the older pages go (the reader pages again from there). */
  const refresh = () => {
    setOlder([]);
    return newest.refetch();
  };

  return { newest, pages, hasOlder: nextBefore !== null, fetchOlder, olderState, refresh };
}
