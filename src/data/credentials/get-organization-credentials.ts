import { queryOptions, useQuery } from '@tanstack/react-query';
import { readOrganizationCredentials } from '@/contract/credentials';
import { paths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { readExtension } from '@/lib/extensions';
import { credentialKeys } from './keys';

/**
 * The organization's credentials and the services that override them (admins
 * only; others get 403). `GET /orgs/{org_id}/cloud-credentials` is our
 * extension: without it, `available` is false and the page writes through the
 * documented `PUT …/hosted-services/{id}/credentials` instead.
 */
export const getOrganizationCredentials = (orgId: string) =>
  readExtension('organizationCredentials', () => api.get(paths.orgCloudCredentials(orgId), readOrganizationCredentials));

export const organizationCredentialsQueryOptions = (orgId: string) =>
  queryOptions({ queryKey: credentialKeys.organization(orgId), queryFn: () => getOrganizationCredentials(orgId) });

/** Not suspended: a 403 is shown in place, as the refusal it is. */
export const useOrganizationCredentials = (orgId: string, enabled: boolean) =>
  useQuery({ ...organizationCredentialsQueryOptions(orgId), enabled });
