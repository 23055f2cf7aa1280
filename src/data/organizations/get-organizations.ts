import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { readOrganizationPage } from '@/contract/organizations-read';
import { paths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { organizationKeys } from './keys';

/** Read row by row: an organization the console cannot read is left out of the switcher (it could not be opened). */
export const getOrganizations = () => api.get(paths.organizations(), readOrganizationPage, { query: { limit: 100 } });

export const organizationsQueryOptions = () =>
  queryOptions({ queryKey: organizationKeys.list(), queryFn: getOrganizations, staleTime: 5 * 60_000 });

export const useOrganizations = () => useSuspenseQuery(organizationsQueryOptions()).data.items;
