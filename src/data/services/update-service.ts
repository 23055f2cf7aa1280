import { useMutation, useQueryClient } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { HostedService, ServiceUpdate } from '@/contract/services';
import { serviceKeys } from '@/data/query-keys';
import { api } from '@/lib/api-client';

export { ServiceUpdate as updateServiceSchema };

export const updateService = (scope: Scope, serviceId: string, input: ServiceUpdate) =>
  api.put(paths.service(scope, serviceId), HostedService, { body: ServiceUpdate.parse(input) });

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
