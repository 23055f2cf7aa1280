import { useQueryClient } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { serviceKeys } from './keys';
import { useMutationThenRefresh } from '../mutations';

export const deleteService = (scope: Scope, serviceId: string) => api.delete(paths.service(scope, serviceId));

// The detail stays cached until the page has left it (see useForgetDeletedService), so the open page does not refetch a 404.
export const useDeleteService = (scope: Scope, serviceId: string) =>
  useMutationThenRefresh(() => deleteService(scope, serviceId), serviceKeys.lists(scope));

/** Drop the deleted service and every sub-resource composed on its key, once the page has left it. */
export function useForgetDeletedService(scope: Scope, serviceId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.removeQueries({ queryKey: serviceKeys.detail(scope, serviceId) });
}
