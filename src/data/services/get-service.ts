import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { HostedService } from '@/contract/services';
import { api } from '@/lib/api-client';
import { serviceKeys } from '@/data/query-keys';

/**
 * One service: its layout, overview and settings, and every tab of it (deployment, bindings, tokens…).
 * One query key, so every tab shares one cache entry.
 */
export const getHostedService = (scope: Scope, serviceId: string) => api.get(paths.service(scope, serviceId), HostedService);

export const hostedServiceQueryOptions = (scope: Scope, serviceId: string) =>
  queryOptions({ queryKey: serviceKeys.detail(scope, serviceId), queryFn: () => getHostedService(scope, serviceId) });

export const useHostedService = (scope: Scope, serviceId: string) => useSuspenseQuery(hostedServiceQueryOptions(scope, serviceId)).data;
