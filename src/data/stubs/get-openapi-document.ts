import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { apiBaseUrl } from '@/lib/env';
import { getGeneratedFile } from './get-stub';
import { stubKeys } from './keys';

/** Where the document lives, as a user would call it with their own token. */
export const openapiDocumentUrl = (scope: Scope, serviceId: string, version: number) =>
  `${apiBaseUrl}${paths.serviceOpenapi(scope, serviceId)}?version=${version}`;

/**
 * The service's OpenAPI 3.1 document for one published version, as sent (it
 * needs the bearer token, so no plain link); `served` is the version its
 * `info.version` names, which may not be the one asked for (see getGeneratedFile).
 */
export const getOpenapiDocument = (scope: Scope, serviceId: string, version: number) =>
  getGeneratedFile(paths.serviceOpenapi(scope, serviceId), 'openapi', version, { accept: 'application/json' });

export const openapiDocumentQueryOptions = (scope: Scope, serviceId: string, version: number) =>
  queryOptions({
    queryKey: stubKeys.openapi(scope, serviceId, version),
    queryFn: () => getOpenapiDocument(scope, serviceId, version),
    staleTime: Infinity,
  });

/** Fetch the document on demand (for a download), from the cache when it is already there. */
export function useFetchOpenapiDocument(scope: Scope, serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (version: number) => queryClient.fetchQuery(openapiDocumentQueryOptions(scope, serviceId, version)) });
}
