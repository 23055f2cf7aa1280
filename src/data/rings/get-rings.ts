import { queryOptions, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { readRingPage } from '@/contract/rings-read';
import { readAllPages } from '@/lib/all-pages';
import { api } from '@/lib/api-client';
import { ringKeys, type RingPageQuery } from './keys';
import { pageQueryOptions } from '../page-query';

/** Rings in promotion order. `position` is our decision: rings without one keep the platform's order, after those with one. */
const byPosition = <P extends { items: { position: number | null }[] }>(page: P): P => ({
  ...page,
  items: [...page.items].sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity)),
});

/** Every ring in promotion order, page after page; shared by the service forms, the services list and the Rings page's path. */
export const getRings = (scope: Scope) =>
  readAllPages((page) => api.get(paths.rings(scope), readRingPage, { query: page })).then(byPosition);

export const ringsQueryOptions = (scope: Scope) =>
  queryOptions({ queryKey: ringKeys.list(scope), queryFn: () => getRings(scope), staleTime: 60_000 });

export const useRings = (scope: Scope) => useQuery(ringsQueryOptions(scope));

/** For pages whose loader has already ensured the rings (the Rings page): the rings, and the rows that could not be read (`invalid`). */
export const useSuspenseRings = (scope: Scope) => useSuspenseQuery(ringsQueryOptions(scope)).data;

/** A page of the Rings page's table: in promotion order (the platform's default for rings), searched by name and description. */
export const getRingsPage = (scope: Scope, query: RingPageQuery, signal?: AbortSignal) =>
  api.get(paths.rings(scope), readRingPage, { query, signal }).then(byPosition);

export const ringsPageQueryOptions = (scope: Scope, query: RingPageQuery) =>
  pageQueryOptions(ringKeys.page(scope, query), (signal) => getRingsPage(scope, query, signal));

export const useRingsPage = (scope: Scope, query: RingPageQuery) => useQuery(ringsPageQueryOptions(scope, query));
