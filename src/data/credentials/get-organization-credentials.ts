import { queryOptions, useQuery } from '@tanstack/react-query';
import { OrganizationCredentials } from '@/contract/credentials';
import { paths } from '@/contract/paths';
import { credentialKeys } from '@/data/query-keys';
import { api } from '@/lib/api-client';

/** The organization's credentials and the services that override them (admins only; others get 403). */
export const getOrgCredentials = (orgId: string) => api.get(paths.orgCloudCredentials(orgId), OrganizationCredentials);

export const orgCredentialsQueryOptions = (orgId: string) =>
  queryOptions({ queryKey: credentialKeys.organization(orgId), queryFn: () => getOrgCredentials(orgId) });

/** Not suspended: a 403 is shown in place, as the refusal it is. */
export const useOrgCredentials = (orgId: string, enabled: boolean) => useQuery({ ...orgCredentialsQueryOptions(orgId), enabled });
