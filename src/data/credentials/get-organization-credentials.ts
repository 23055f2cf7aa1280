import { queryOptions, useQuery } from '@tanstack/react-query';
import { OrganizationCredentials } from '@/contract/credentials';
import { paths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { credentialKeys } from './keys';

/** The organization's credentials and the services that override them (admins only; others get 403). */
export const getOrganizationCredentials = (orgId: string) => api.get(paths.orgCloudCredentials(orgId), OrganizationCredentials);

export const organizationCredentialsQueryOptions = (orgId: string) =>
  queryOptions({ queryKey: credentialKeys.organization(orgId), queryFn: () => getOrganizationCredentials(orgId) });

/** Not suspended: a 403 is shown in place, as the refusal it is. */
export const useOrganizationCredentials = (orgId: string, enabled: boolean) => useQuery({ ...organizationCredentialsQueryOptions(orgId), enabled });
