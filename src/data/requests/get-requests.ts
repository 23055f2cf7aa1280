import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
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

export const requestsQueryOptions = (scope: Scope, serviceId: string, filters: RequestFilters) =>
  infiniteQueryOptions({
    queryKey: requestKeys.list(scope, serviceId, filters),
    queryFn: ({ pageParam, signal }) => getRequests(scope, serviceId, filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_before ?? undefined,
    // Records never change once written; newer ones arrive by the live tail or a refresh.
    staleTime: 30_000,
    // A changed filter keeps the rows on screen until its own arrive.
    placeholderData: keepPreviousData,
  });

export const useRequests = (scope: Scope, serviceId: string, filters: RequestFilters) =>
  useInfiniteQuery(requestsQueryOptions(scope, serviceId, filters));
