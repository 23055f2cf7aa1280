import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { CredentialsWrite } from '@/contract/credentials';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { credentialKeys } from './keys';

/**
 * `PUT …/service-credentials` (seed 000): set or replace the service's own
 * credentials. The answer is not kept; the metadata is read back instead.
 */
export const saveServiceCredentials = (scope: Scope, serviceId: string, input: CredentialsWrite) =>
  api.put(paths.serviceCredentials(scope, serviceId), { body: CredentialsWrite.parse(input), answer: 'ignored' });

/** The service's effective record changes, and so does the organization's list of services that override it. */
export const serviceCredentialsChanged = (queryClient: QueryClient, scope: Scope, serviceId: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: credentialKeys.effective(scope, serviceId) }),
    queryClient.invalidateQueries({ queryKey: credentialKeys.organization(scope.orgId) }),
  ]);

export function useSaveServiceCredentials(scope: Scope, serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CredentialsWrite) => saveServiceCredentials(scope, serviceId, input),
    // The variables hold the secret: drop the mutation from the cache as soon as nothing observes it.
    gcTime: 0,
    onSuccess: () => serviceCredentialsChanged(queryClient, scope, serviceId),
  });
}
