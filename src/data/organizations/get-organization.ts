import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { readOrganization } from '@/contract/organizations';
import { paths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { organizationKeys } from './keys';

/** `GET /organizations/{org_id}` (seed 001). */
export const getOrganization = (orgId: string) => api.get(paths.organization(orgId), readOrganization);

export const organizationQueryOptions = (orgId: string) =>
  queryOptions({ queryKey: organizationKeys.detail(orgId), queryFn: () => getOrganization(orgId) });

export const useOrganization = (orgId: string) => useSuspenseQuery(organizationQueryOptions(orgId)).data;
