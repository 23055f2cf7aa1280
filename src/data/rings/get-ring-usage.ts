import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Scope } from '@/contract/paths';
import { getServices } from '../services/get-services';
import { serviceKeys } from '../services/keys';

const LIMIT = 100;

/** A service that runs in a ring: enough to name it and link to it. */
export type RingUser = { id: string; name: string };

export type RingUsage = {
  /** The services in each ring, by ring id, by name. */
  byRing: Map<string, RingUser[]>;
  /** False when the workspace has more services than one page: the platform's 409 is then the final word. */
  complete: boolean;
};

/**
 * Which services use which ring, so the page can say a ring is in use before
 * anyone tries to delete it. Keyed under the services lists, so creating or
 * editing a service refreshes it.
 */
export const getRingUsage = async (scope: Scope): Promise<RingUsage> => {
  const page = await getServices(scope, { limit: LIMIT, offset: 0, sort: 'name', order: 'asc' });
  const byRing = new Map<string, RingUser[]>();
  for (const s of page.items) {
    if (!s.ring_id) continue;
    byRing.set(s.ring_id, [...(byRing.get(s.ring_id) ?? []), { id: s.id, name: s.name }]);
  }
  return { byRing, complete: page.items.length >= page.total };
};

export const ringUsageQueryOptions = (scope: Scope) =>
  queryOptions({ queryKey: serviceKeys.ringUsage(scope), queryFn: () => getRingUsage(scope), staleTime: 10_000 });

export const useRingUsage = (scope: Scope) => useQuery(ringUsageQueryOptions(scope));
