import { useMutation, useQueryClient } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { connectorKeys } from '@/data/query-keys';
import { api } from '@/lib/api-client';

export const deleteInstance = (scope: Scope, connectorId: string, instanceId: string) => api.delete(paths.instance(scope, connectorId, instanceId));

export function useDeleteInstance(scope: Scope, connectorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (instanceId: string) => deleteInstance(scope, connectorId, instanceId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: connectorKeys.all(scope) }),
  });
}
