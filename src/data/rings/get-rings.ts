import { queryOptions, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { pageOrArray } from '@/contract/common';
import { paths, type Scope } from '@/contract/paths';
import { Ring } from '@/contract/rings';
import { api } from '@/lib/api-client';
import { ringKeys } from './keys';

const RingList = pageOrArray(Ring);

/** Rings in promotion order; shared by the service forms and the Rings page. */
export const getRings = (scope: Scope) =>
  api.get(paths.rings(scope), RingList, { query: { limit: 100 } }).then((page) => ({
    ...page,
    items: [...page.items].sort((a, b) => a.position - b.position),
  }));

export const ringsQueryOptions = (scope: Scope) =>
  queryOptions({ queryKey: ringKeys.list(scope), queryFn: () => getRings(scope), staleTime: 60_000 });

export const useRings = (scope: Scope) => useQuery(ringsQueryOptions(scope));

/** For pages whose loader has already ensured the rings (the Rings page). */
export const useSuspenseRings = (scope: Scope) => useSuspenseQuery(ringsQueryOptions(scope)).data.items;
