import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { pageOrArray } from '@/contract/common';
import { Organization } from '@/contract/organizations';
import { paths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { organizationKeys } from './keys';

const OrganizationList = pageOrArray(Organization);

export const getOrganizations = () => api.get(paths.organizations(), OrganizationList, { query: { limit: 100 } });

export const organizationsQueryOptions = () =>
  queryOptions({ queryKey: organizationKeys.list(), queryFn: getOrganizations, staleTime: 5 * 60_000 });

export const useOrganizations = () => useSuspenseQuery(organizationsQueryOptions()).data.items;
