import { useMutation, useQueryClient } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { readHostedService, ServiceCreate, type ServiceCreateInput } from '@/contract/services';
import { api } from '@/lib/api-client';
import { serviceKeys } from './keys';

export const createService = (scope: Scope, input: ServiceCreateInput, idempotencyKey: string) =>
  api.post(paths.services(scope), readHostedService, { body: ServiceCreate.parse(input), idempotencyKey });

export function useCreateService(scope: Scope) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: ServiceCreateInput; idempotencyKey: string }) =>
      createService(scope, input, idempotencyKey),
    onSuccess: (service) => {
      queryClient.setQueryData(serviceKeys.detail(scope, service.id), service);
      return queryClient.invalidateQueries({ queryKey: serviceKeys.lists(scope) });
    },
  });
}
