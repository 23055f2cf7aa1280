import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CredentialsWrite } from '@/contract/credentials';
import { paths } from '@/contract/paths';
import { credentialKeys } from '@/data/query-keys';
import { api } from '@/lib/api-client';

/** `PUT /orgs/{org_id}/cloud-credentials`: the organization's shared credentials (admins only). */
export const saveOrgCredentials = (orgId: string, input: CredentialsWrite) =>
  api.put(paths.orgCloudCredentials(orgId), null, { body: CredentialsWrite.parse(input) });

export function useSaveOrgCredentials(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CredentialsWrite) => saveOrgCredentials(orgId, input),
    // The variables hold the secret: drop the mutation from the cache as soon as nothing observes it.
    gcTime: 0,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: credentialKeys.organization(orgId) }),
        // Every service that falls back to the organization's credentials sees the change.
        queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'services' && q.queryKey.at(-1) === 'credentials' }),
      ]),
  });
}
