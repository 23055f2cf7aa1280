import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Scope } from '@/contract/paths';
import { ringKeys } from './keys';
import { updateRing } from './save-ring';

/** Move a ring to another place in the promotion path; the platform shifts the others. */
export function useMoveRing(scope: Scope) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ringId, position }: { ringId: string; position: number }) => updateRing(scope, ringId, { position }),
    // The whole path and the table's pages: a move shifts the others.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ringKeys.all(scope) }),
  });
}
