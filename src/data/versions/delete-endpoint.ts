import { useMutation, useQueryClient } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { versionKeys } from './keys';

export const deleteEndpoint = (scope: Scope, serviceId: string, endpointId: string) =>
  api.delete(paths.endpoint(scope, serviceId, endpointId));

/** Remove an endpoint from the draft version `draftId`. */
export function useDeleteEndpoint(scope: Scope, serviceId: string, draftId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (endpointId: string) => deleteEndpoint(scope, serviceId, endpointId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: versionKeys.endpoints(scope, serviceId, draftId) }),
  });
}
