import { useMutation, useQueryClient } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { readHostedService, ServiceUpdate } from '@/contract/services';
import { api } from '@/lib/api-client';
import { serviceKeys } from './keys';

/** A partial update; the bindings are part of the service (CONTRACT §2), so they are saved with it too. */
export const updateService = (scope: Scope, serviceId: string, input: ServiceUpdate) =>
  api.put(paths.service(scope, serviceId), readHostedService, { body: ServiceUpdate.parse(input) });

export function useUpdateService(scope: Scope, serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ServiceUpdate) => updateService(scope, serviceId, input),
    onSuccess: (service) => {
      queryClient.setQueryData(serviceKeys.detail(scope, serviceId), service);
      return queryClient.invalidateQueries({ queryKey: serviceKeys.lists(scope) });
    },
  });
}
