import { queryOptions } from '@tanstack/react-query';
import type { Scope } from '@/contract/paths';
import type { ServiceStatus } from '@/contract/services';
import { readAllPages } from '@/lib/all-pages';
import { getServices } from './get-services';
import { serviceKeys } from './keys';

/**
 * Every service of a workspace with a status, page after page: where a view
 * must look at each (which deploys failed: the list does not filter by
 * deployment state), not a page of them.
 */
export const allServicesQueryOptions = (scope: Scope, status: ServiceStatus) =>
  queryOptions({
    queryKey: [...serviceKeys.lists(scope), 'all', status] as const,
    queryFn: ({ signal }) =>
      readAllPages((page) => getServices(scope, { ...page, offset: page.offset ?? 0, sort: 'created_at', order: 'desc', status }, signal)),
    staleTime: 30_000,
  });
