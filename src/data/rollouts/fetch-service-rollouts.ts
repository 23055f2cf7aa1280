import { paths, type Scope } from '@/contract/paths';
import { readServiceRollouts } from '@/contract/rollouts';
import { api } from '@/lib/api-client';
import { readExtension } from '@/lib/extensions';

/**
 * [extension] `GET …/workspaces/{id}/service-rollouts?service_id=…` (CONTRACT
 * §13): each service's newest rollout, for the services that have had one;
 * `'all'` asks for every such service. Null on a platform without rollouts.
 * Loaded by `get-service-rollouts.ts` when the list first asks.
 */
export async function fetchServiceRollouts(scope: Scope, serviceIds: readonly string[] | 'all', signal?: AbortSignal) {
  const read = await readExtension('rollouts', () =>
    api.get(paths.serviceRollouts(scope), readServiceRollouts, {
      query: { service_id: serviceIds === 'all' ? undefined : serviceIds },
      signal,
    }),
  );
  return read.available ? read.data : null;
}
