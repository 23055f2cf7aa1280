import { useMutation, useQueryClient } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { callExtension } from '@/lib/extensions';
import { serviceCredentialsChanged } from './save-service-credentials';

/** `DELETE …/service-credentials` (our extension): the service falls back to the organization's credentials. */
export const clearServiceCredentials = (scope: Scope, serviceId: string) =>
  callExtension('serviceCredentialsClear', () => api.delete(paths.serviceCredentials(scope, serviceId)));

export function useClearServiceCredentials(scope: Scope, serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => clearServiceCredentials(scope, serviceId),
    onSuccess: () => serviceCredentialsChanged(queryClient, scope, serviceId),
  });
}
