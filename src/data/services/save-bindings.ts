import { useMutation, useQueryClient } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { HostedService, ServiceUpdate, type HostedService as Service } from '@/contract/services';
import { serviceKeys } from '@/data/query-keys';
import { api } from '@/lib/api-client';

export type Bindings = Service['connector_bindings'];

/** Bindings are part of the service (CONTRACT §2): saved with the service PUT, the whole map at once. */
export const saveBindings = (scope: Scope, serviceId: string, bindings: Bindings) =>
  api.put(paths.service(scope, serviceId), HostedService, { body: ServiceUpdate.parse({ connector_bindings: bindings }) });

export function useSaveBindings(scope: Scope, serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (bindings: Bindings) => saveBindings(scope, serviceId, bindings),
    onSuccess: (service) => {
      queryClient.setQueryData(serviceKeys.detail(scope, serviceId), service);
      return queryClient.invalidateQueries({ queryKey: serviceKeys.lists(scope) });
    },
  });
}
