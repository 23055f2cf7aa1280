import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { pageOrArray } from '@/contract/common';
import { paths, type Scope } from '@/contract/paths';
import { HostedService, type ServiceListQuery } from '@/contract/services';
import { api } from '@/lib/api-client';
import { serviceKeys } from './keys';

const ServiceList = pageOrArray(HostedService);

export const getServices = (scope: Scope, query: ServiceListQuery, signal?: AbortSignal) => api.get(paths.services(scope), ServiceList, { query, signal });

export const servicesQueryOptions = (scope: Scope, query: ServiceListQuery) =>
  queryOptions({
    queryKey: serviceKeys.list(scope, query),
    queryFn: ({ signal }) => getServices(scope, query, signal),
    // Keep the rows on screen while the next page or filter loads.
    placeholderData: keepPreviousData,
  });

export const useServices = (scope: Scope, query: ServiceListQuery) => useQuery(servicesQueryOptions(scope, query));
