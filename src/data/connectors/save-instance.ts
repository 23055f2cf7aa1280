import { useMutation, useQueryClient } from '@tanstack/react-query';
import { InstanceCreate, InstanceUpdate, readConnectorInstance } from '@/contract/connectors';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { instancesChanged } from './get-instances';

export const createInstance = (scope: Scope, connectorId: string, input: InstanceCreate, idempotencyKey: string) =>
  api.post(paths.instances(scope, connectorId), readConnectorInstance, { body: InstanceCreate.parse(input), idempotencyKey });

/** A secret left out of `config` keeps its value on the platform. */
export const updateInstance = (scope: Scope, connectorId: string, instanceId: string, input: InstanceUpdate) =>
  api.put(paths.instance(scope, connectorId, instanceId), readConnectorInstance, { body: InstanceUpdate.parse(input) });

type Save = { instanceId: string | null; input: InstanceCreate; idempotencyKey: string };

/** Create (instanceId null) or update an instance of one connector type. */
export function useSaveInstance(scope: Scope, connectorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ instanceId, input, idempotencyKey }: Save) =>
      instanceId ? updateInstance(scope, connectorId, instanceId, input) : createInstance(scope, connectorId, input, idempotencyKey),
    onSuccess: () => instancesChanged(queryClient, scope, connectorId),
  });
}
