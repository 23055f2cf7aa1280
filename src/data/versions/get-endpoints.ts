import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { pageOrArray } from '@/contract/common';
import { paths, type Scope } from '@/contract/paths';
import { Endpoint } from '@/contract/versions';
import { api } from '@/lib/api-client';
import { versionKeys } from './keys';

const EndpointList = pageOrArray(Endpoint);

export const getEndpoints = (scope: Scope, serviceId: string, versionId: string) =>
  api.get(paths.endpoints(scope, serviceId), EndpointList, { query: { version_id: versionId, limit: 100 } });

export const endpointsQueryOptions = (scope: Scope, serviceId: string, versionId: string) =>
  queryOptions({ queryKey: versionKeys.endpoints(scope, serviceId, versionId), queryFn: () => getEndpoints(scope, serviceId, versionId) });

export const useEndpoints = (scope: Scope, serviceId: string, versionId: string) => useSuspenseQuery(endpointsQueryOptions(scope, serviceId, versionId)).data.items;
