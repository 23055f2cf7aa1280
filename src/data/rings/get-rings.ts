import { queryOptions, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { readRingPage } from '@/contract/rings';
import { api } from '@/lib/api-client';
import { ringKeys } from './keys';

/**
 * Rings in promotion order; shared by the service forms and the Rings page.
 * `position` is our decision: rings without one keep the platform's order, after those with one.
 */
export const getRings = (scope: Scope) =>
  api.get(paths.rings(scope), readRingPage, { query: { limit: 100 } }).then((page) => ({
    ...page,
    items: [...page.items].sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity)),
  }));

export const ringsQueryOptions = (scope: Scope) =>
  queryOptions({ queryKey: ringKeys.list(scope), queryFn: () => getRings(scope), staleTime: 60_000 });

export const useRings = (scope: Scope) => useQuery(ringsQueryOptions(scope));

/** For pages whose loader has already ensured the rings (the Rings page): the rings, and the rows that could not be read (`invalid`). */
export const useSuspenseRings = (scope: Scope) => useSuspenseQuery(ringsQueryOptions(scope)).data;
