import { useQueryClient } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { serviceKeys } from '../services/keys';
import { ringKeys } from './keys';
import { useMutationThenRefresh } from '../mutations';

export const deleteRing = (scope: Scope, ringId: string) => api.delete(paths.ring(scope, ringId));

export function useDeleteRing(scope: Scope) {
  const queryClient = useQueryClient();
  return useMutationThenRefresh((ringId: string) => deleteRing(scope, ringId), ringKeys.all(scope), {
    // A 409 means our idea of who uses the ring was stale: read it again.
    onError: () => queryClient.invalidateQueries({ queryKey: serviceKeys.ringUsage(scope) }),
  });
}
