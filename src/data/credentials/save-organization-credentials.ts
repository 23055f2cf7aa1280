import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CredentialsWrite } from '@/contract/credentials';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { callExtension } from '@/lib/extensions';
import { credentialKeys } from './keys';

/**
 * Where the organization's credentials are written: our `PUT /orgs/{org_id}/cloud-credentials`,
 * or the documented `PUT …/hosted-services/{id}/credentials` (seed 000), which
 * writes the same organization record through any one of its services.
 */
export type OrganizationCredentialsTarget = { via: 'organization' } | { via: 'service'; scope: Scope; serviceId: string };

export const saveOrganizationCredentials = (
  orgId: string,
  input: CredentialsWrite,
  target: OrganizationCredentialsTarget = { via: 'organization' },
) =>
  target.via === 'service'
    ? api.put(paths.orgCredentialsViaService(target.scope, target.serviceId), null, { body: CredentialsWrite.parse(input) })
    : callExtension('organizationCredentials', () =>
        api.put(paths.orgCloudCredentials(orgId), null, { body: CredentialsWrite.parse(input) }),
      );

export function useSaveOrganizationCredentials(orgId: string, target: OrganizationCredentialsTarget = { via: 'organization' }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CredentialsWrite) => saveOrganizationCredentials(orgId, input, target),
    // The variables hold the secret: drop the mutation from the cache as soon as nothing observes it.
    gcTime: 0,
    // The organization's record, and every service's effective credentials, which may fall back to it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: credentialKeys.all(orgId) }),
  });
}
