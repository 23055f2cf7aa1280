import { queryOptions, useQuery } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { readRequestRecord } from '@/contract/requests';
import { api } from '@/lib/api-client';
import { callExtension } from '@/lib/extensions';
import { requestKeys } from './keys';

/** [extension] `GET …/hosted-services/{id}/requests/{request_id}` (CONTRACT §12): one record; a 404 names an unknown id. */
export const getRequest = (scope: Scope, serviceId: string, requestId: string, signal?: AbortSignal) =>
  callExtension('requestLog', () => api.get(paths.request(scope, serviceId, requestId), readRequestRecord, { signal }));

export const requestQueryOptions = (scope: Scope, serviceId: string, requestId: string) =>
  queryOptions({
    queryKey: requestKeys.one(scope, serviceId, requestId),
    queryFn: ({ signal }) => getRequest(scope, serviceId, requestId, signal),
    // A record never changes.
    staleTime: Infinity,
  });

export const useRequest = (scope: Scope, serviceId: string, requestId: string | null) =>
  useQuery({ ...requestQueryOptions(scope, serviceId, requestId ?? ''), enabled: requestId !== null && requestId !== '' });
