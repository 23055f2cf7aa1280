import { useMutation, useQueryClient } from '@tanstack/react-query';
import { OrganizationUpdate, readOrganization } from '@/contract/organizations';
import { paths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { organizationKeys } from './keys';

/** `PUT /organizations/{org_id}` (seed 001): admins rename the organization. */
export const updateOrganization = (orgId: string, input: OrganizationUpdate) =>
  api.put(paths.organization(orgId), readOrganization, { body: OrganizationUpdate.parse(input) });

export function useUpdateOrganization(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OrganizationUpdate) => updateOrganization(orgId, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(organizationKeys.detail(orgId), saved);
      // The header's organization picker reads the list.
      return queryClient.invalidateQueries({ queryKey: organizationKeys.list() });
    },
  });
}
