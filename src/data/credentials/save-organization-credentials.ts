import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CredentialsWrite, readOrganizationCredentials } from '@/contract/credentials';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { callExtension } from '@/lib/extensions';
import { organizationCredentialsQueryOptions } from './get-organization-credentials';
import { credentialKeys } from './keys';

/**
 * Where the organization's credentials are written: our `PUT /orgs/{org_id}/cloud-credentials`,
 * which answers the organization's record as its GET reads it, or the documented
 * `PUT …/hosted-services/{id}/credentials` (seed 000), which writes the same
 * record through any one of its services and whose answer the seeds do not
 * describe (it is not read).
 */
export type OrganizationCredentialsTarget = { via: 'organization' } | { via: 'service'; scope: Scope; serviceId: string };

export const saveOrganizationCredentials = (
  orgId: string,
  input: CredentialsWrite,
  target: OrganizationCredentialsTarget = { via: 'organization' },
) =>
  target.via === 'service'
    ? api
        .put(paths.orgCredentialsViaService(target.scope, target.serviceId), { body: CredentialsWrite.parse(input), answer: 'ignored' })
        .then(() => null)
    : callExtension('organizationCredentials', () =>
        api.put(paths.orgCloudCredentials(orgId), readOrganizationCredentials, { body: CredentialsWrite.parse(input) }),
      );

export function useSaveOrganizationCredentials(orgId: string, target: OrganizationCredentialsTarget = { via: 'organization' }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CredentialsWrite) => saveOrganizationCredentials(orgId, input, target),
    // The variables hold the secret: drop the mutation from the cache as soon as nothing observes it.
    gcTime: 0,
    // The organization's record (the answer, when it is one), and every service's effective credentials, which may fall back to it.
    onSuccess: (organization) => {
      if (organization === null) return queryClient.invalidateQueries({ queryKey: credentialKeys.all(orgId) });
      queryClient.setQueryData(organizationCredentialsQueryOptions(orgId).queryKey, () => ({
        available: true as const,
        data: organization,
      }));
      return queryClient.invalidateQueries({ queryKey: credentialKeys.effectiveAll(orgId) });
    },
  });
}
