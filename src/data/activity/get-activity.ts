import { queryOptions, useQuery } from '@tanstack/react-query';
import { readActivityPage } from '@/contract/activity';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { callExtension } from '@/lib/extensions';
import { activityKeys } from './keys';

/**
 * [extension] `GET …/hosted-services/{id}/activity` (CONTRACT §11): optional.
 * A platform without it answers 404/405/501; `callExtension` remembers that for
 * the session (`notAvailable` in lib tells), and the panels that read it say so. Read leniently: an unknown kind comes through
 * with the platform's summary.
 */
export const getActivity = (scope: Scope, serviceId: string, limit: number, kinds: readonly string[]) =>
  callExtension('activity', () =>
    api.get(paths.activity(scope, serviceId), readActivityPage, { query: { limit, kind: kinds.length ? kinds.join(',') : undefined } }),
  );

export const activityQueryOptions = (
  scope: Scope,
  serviceId: string,
  { limit = 20, kinds = [] }: { limit?: number; kinds?: readonly string[] } = {},
) =>
  queryOptions({
    queryKey: activityKeys.list(scope, serviceId, { limit, kinds }),
    queryFn: () => getActivity(scope, serviceId, limit, kinds),
    // What happened is read fresh whenever it is shown: a deploy's outcome appears when its time comes.
    staleTime: 0,
  });

export const useActivity = (scope: Scope, serviceId: string, options?: { limit?: number; kinds?: readonly string[] }) =>
  useQuery(activityQueryOptions(scope, serviceId, options));
