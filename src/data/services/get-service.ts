import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { inScope, readHostedService } from '@/contract/services';
import { api } from '@/lib/api-client';
import { serviceKeys } from './keys';

/** One service: its header, overview and settings, and every tab of it; one cache entry they all share. */
export const getService = (scope: Scope, serviceId: string) =>
  api.get(paths.service(scope, serviceId), readHostedService).then((service) => inScope(service, scope));

export const serviceQueryOptions = (scope: Scope, serviceId: string) =>
  queryOptions({ queryKey: serviceKeys.detail(scope, serviceId), queryFn: () => getService(scope, serviceId) });

export const useService = (scope: Scope, serviceId: string) => useSuspenseQuery(serviceQueryOptions(scope, serviceId)).data;
