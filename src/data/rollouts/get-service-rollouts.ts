import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Scope } from '@/contract/paths';
import { rolloutKeys } from './keys';

/**
 * A workspace's services' newest rollouts (`service-rollouts`, our
 * extension): one call for a page of services, never one per row; `'all'` for
 * every service that has had one ("Needs attention"). Null on a platform
 * without rollouts.
 *
 * The fetcher — the rollouts contract with it — loads when the list first
 * asks, not with the services list's first load (`npm run size`).
 */
export const getServiceRollouts = async (scope: Scope, serviceIds: readonly string[] | 'all', signal?: AbortSignal) =>
  (await import('./fetch-service-rollouts')).fetchServiceRollouts(scope, serviceIds, signal);

export type ServiceRolloutsRead = Awaited<ReturnType<typeof getServiceRollouts>>;

/** A rollout in progress moves by itself: the list reads it again every 10 s while one is. */
const MOVING_REFRESH_MS = 10_000;

export const serviceRolloutsQueryOptions = (scope: Scope, serviceIds: readonly string[] | 'all') =>
  queryOptions({
    queryKey: rolloutKeys.workspace(scope, serviceIds),
    queryFn: ({ signal }) => getServiceRollouts(scope, serviceIds, signal),
    staleTime: 30_000,
    refetchInterval: (query) =>
      query.state.data?.items.some((i) => i.rollout.status === 'running' || i.rollout.status === 'paused') ? MOVING_REFRESH_MS : false,
  });

/** A page's services' newest rollouts; nothing is asked for an empty page. */
export const useServiceRollouts = (scope: Scope, serviceIds: readonly string[] | 'all') =>
  useQuery({ ...serviceRolloutsQueryOptions(scope, serviceIds), enabled: serviceIds === 'all' || serviceIds.length > 0 });
