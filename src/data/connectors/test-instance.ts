import { useMutation, useQueryClient } from '@tanstack/react-query';
import { readConnectionTest } from '@/contract/connectors';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { instancesChanged } from './get-instances';

export const testInstance = (scope: Scope, connectorId: string, instanceId: string) =>
  api.post(paths.instanceTest(scope, connectorId, instanceId), readConnectionTest);

/** Try to reach the instance with its stored configuration; the platform keeps the result as its `last_test`. */
export function useTestInstance(scope: Scope, connectorId: string, instanceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => testInstance(scope, connectorId, instanceId),
    onSettled: () => instancesChanged(queryClient, scope, connectorId),
  });
}
