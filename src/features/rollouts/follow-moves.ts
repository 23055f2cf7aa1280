import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { RolloutRead } from '@/contract/rollouts';
import { rolloutMoved } from '@/data/rollouts/rollout-moved';
import type { ServiceProps } from '@/lib/route-props';

/**
 * Each move of a polled rollout (a step, a decision) moved the split: the
 * versions and the lists that show them are read again — once per move, not
 * on the first read.
 */
export function useFollowMoves(scope: ServiceProps['scope'], serviceId: string, rollout: RolloutRead | null) {
  const queryClient = useQueryClient();
  const seen = useRef<string | null>(null);
  const mark = rollout ? `${rollout.id}:${rollout.events.length}:${rollout.status}` : null;
  useEffect(() => {
    if (seen.current !== null && mark !== null && mark !== seen.current) void rolloutMoved(queryClient, scope, serviceId);
    seen.current = mark;
  }, [mark, queryClient, scope, serviceId]);
}
