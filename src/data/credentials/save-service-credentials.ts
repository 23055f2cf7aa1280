import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CredentialsWrite } from '@/contract/credentials';
import { paths, type Scope } from '@/contract/paths';
import { credentialKeys } from '@/data/query-keys';
import { api } from '@/lib/api-client';

/**
 * `PUT …/service-credentials` (seed 000): set or replace the service's own
 * credentials. The answer is not kept; the metadata is read back instead.
 */
export const saveServiceCredentials = (scope: Scope, serviceId: string, input: CredentialsWrite) =>
  api.put(paths.serviceCredentials(scope, serviceId), null, { body: CredentialsWrite.parse(input) });

export function useSaveServiceCredentials(scope: Scope, serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CredentialsWrite) => saveServiceCredentials(scope, serviceId, input),
    // The variables hold the secret: drop the mutation from the cache as soon as nothing observes it.
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: credentialKeys.effective(scope, serviceId) }),
  });
}
