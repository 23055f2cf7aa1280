import { useMutation, useQueryClient } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { instancesChanged } from './get-instances';

export const deleteInstance = (scope: Scope, connectorId: string, instanceId: string) =>
  api.delete(paths.instance(scope, connectorId, instanceId));

export function useDeleteInstance(scope: Scope, connectorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (instanceId: string) => deleteInstance(scope, connectorId, instanceId),
    onSuccess: () => instancesChanged(queryClient, scope, connectorId),
  });
}
