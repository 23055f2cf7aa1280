import type { QueryClient } from '@tanstack/react-query';
import type { Scope } from '@/contract/paths';
import type { RolloutRead } from '@/contract/rollouts';
import { versionsChanged } from '../versions/versions-changed';
import type { NewestRolloutRead } from './get-newest-rollout';
import { rolloutKeys } from './keys';

/** Put a rollout the platform answered with where the Traffic tab, the publish dialog and the split's lock read the newest one. */
export function keepNewestRollout(queryClient: QueryClient, scope: Scope, serviceId: string, rollout: RolloutRead) {
  const read: NewestRolloutRead = { available: true, data: rollout };
  queryClient.setQueryData(rolloutKeys.newest(scope, serviceId), read);
}

/**
 * A rollout moved (started, a step, a decision): the split moved with it. The
 * versions, the service, its lists and its activity are read again, and the
 * workspace's newest rollouts (the services list's flags).
 */
export function rolloutMoved(queryClient: QueryClient, scope: Scope, serviceId: string) {
  return Promise.all([
    versionsChanged(queryClient, scope, serviceId),
    queryClient.invalidateQueries({ queryKey: rolloutKeys.workspaceAll(scope) }),
  ]);
}
