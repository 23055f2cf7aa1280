import { useMutation, useQueryClient } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { readRollout, RolloutAbort } from '@/contract/rollouts';
import { api } from '@/lib/api-client';
import { callExtension } from '@/lib/extensions';
import { keepNewestRollout, rolloutMoved } from './rollout-moved';

/** A person's decision on an unfinished rollout (CONTRACT §13). */
export type RolloutAction = { action: 'pause' | 'resume' | 'promote' } | { action: 'abort'; reason: string };

export const actOnRollout = (scope: Scope, serviceId: string, rolloutId: string, act: RolloutAction) =>
  callExtension('rollouts', () =>
    api.post(paths.rolloutAction(scope, serviceId, rolloutId, act.action), readRollout, {
      body: act.action === 'abort' ? RolloutAbort.parse({ reason: act.reason.trim() || null }) : undefined,
    }),
  );

/**
 * Pause, resume, promote or abort. The answer is the rollout as it stands,
 * kept as the newest; promoting and aborting move the split, so the versions
 * (and with them the service, its lists and its activity) are read again.
 */
export function useRolloutAction(scope: Scope, serviceId: string, rolloutId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (act: RolloutAction) => actOnRollout(scope, serviceId, rolloutId, act),
    onSuccess: (rollout) => {
      keepNewestRollout(queryClient, scope, serviceId, rollout);
      return rolloutMoved(queryClient, scope, serviceId);
    },
  });
}
