import { useQuery } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import type { ServiceListQuery } from '@/contract/services';
import { inScope, readServicePage } from '@/contract/services-read';
import { api } from '@/lib/api-client';
import { learnCapability } from '@/lib/capabilities';
import { serviceKeys } from './keys';
import { pageQueryOptions } from '../page-query';

/**
 * A page of services, read row by row (`invalid` holds the rows that could not
 * be read). `execution_mode` is our extension: a platform that answers a
 * filtered list with services of another mode does not have it.
 */
export const getServices = async (scope: Scope, query: ServiceListQuery, signal?: AbortSignal) => {
  const page = await api.get(paths.services(scope), readServicePage, { query, signal });
  if (query.execution_mode && page.items.some((s) => s.execution_mode !== query.execution_mode))
    learnCapability('servicesByMode', 'unavailable');
  return { ...page, items: page.items.map((s) => inScope(s, scope)) };
};

export const servicesQueryOptions = (scope: Scope, query: ServiceListQuery) =>
  pageQueryOptions(serviceKeys.list(scope, query), (signal) => getServices(scope, query, signal));

export const useServices = (scope: Scope, query: ServiceListQuery, enabled = true) =>
  useQuery({ ...servicesQueryOptions(scope, query), enabled });
