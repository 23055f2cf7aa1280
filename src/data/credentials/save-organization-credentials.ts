import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CredentialsWrite } from '@/contract/credentials';
import { paths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { credentialKeys } from './keys';

/** `PUT /orgs/{org_id}/cloud-credentials`: the organization's shared credentials (admins only). */
export const saveOrganizationCredentials = (orgId: string, input: CredentialsWrite) =>
  api.put(paths.orgCloudCredentials(orgId), null, { body: CredentialsWrite.parse(input) });

export function useSaveOrganizationCredentials(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CredentialsWrite) => saveOrganizationCredentials(orgId, input),
    // The variables hold the secret: drop the mutation from the cache as soon as nothing observes it.
    gcTime: 0,
    // The organization's record, and every service's effective credentials, which may fall back to it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: credentialKeys.all(orgId) }),
  });
}
