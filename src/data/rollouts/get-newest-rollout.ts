import { queryOptions, useQuery } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { readRolloutPage, type RolloutRead } from '@/contract/rollouts';
import { api } from '@/lib/api-client';
import { readExtension } from '@/lib/extensions';
import { rolloutKeys } from './keys';

/**
 * [extension] A service's newest rollout (`GET …/rollouts?limit=1`, CONTRACT
 * §13): an unfinished one is always the newest. `data` is null when the service
 * never had one; `{ available: false }` on a platform without rollouts.
 */
export const getNewestRollout = (scope: Scope, serviceId: string, signal?: AbortSignal) =>
  readExtension('rollouts', () =>
    api
      .get(paths.rollouts(scope, serviceId), readRolloutPage, { query: { limit: 1, sort: 'created_at', order: 'desc' }, signal })
      // A platform that ignores `limit` or the order still has its newest found.
      .then((page): RolloutRead | null => [...page.items].sort((a, b) => b.created_at.localeCompare(a.created_at))[0] ?? null),
  );

export type NewestRolloutRead = Awaited<ReturnType<typeof getNewestRollout>>;

/**
 * How often to read a rollout again: while it runs, every 2 s (the analysis
 * aborts within seconds of a limit being crossed, and the page should say so as
 * soon); paused, every 5 s (a person decides, but a paused canary still serves
 * and may still be aborted); finished or none, never — it moves no more.
 */
export function rolloutRefreshMs(rollout: Pick<RolloutRead, 'status'> | null | undefined): number | false {
  if (rollout?.status === 'running') return 2_000;
  if (rollout?.status === 'paused') return 5_000;
  return false;
}

export const newestRolloutQueryOptions = (scope: Scope, serviceId: string) =>
  queryOptions({
    queryKey: rolloutKeys.newest(scope, serviceId),
    queryFn: ({ signal }) => getNewestRollout(scope, serviceId, signal),
    staleTime: 5_000,
    refetchInterval: (query) => {
      const read = query.state.data;
      return read?.available ? rolloutRefreshMs(read.data) : false;
    },
  });

export const useNewestRollout = (scope: Scope, serviceId: string) => useQuery(newestRolloutQueryOptions(scope, serviceId));
