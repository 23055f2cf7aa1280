import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { readEndpointPage } from '@/contract/versions';
import { readAllPages } from '@/lib/all-pages';
import { api } from '@/lib/api-client';
import { learnCapability } from '@/lib/capabilities';
import { versionKeys } from './keys';

/**
 * A version's endpoints, read row by row. `version_id` is our extension: a
 * platform without it answers with its default version's endpoints, which
 * `otherVersion` flags (when the rows say which version they belong to), so a
 * page never shows them as the version asked for.
 */
export const getEndpoints = async (scope: Scope, serviceId: string, versionId: string) => {
  // Every endpoint, by path (then method), page after page: the platform pages 25 at a time, newest first.
  const page = await readAllPages((p) =>
    api.get(paths.endpoints(scope, serviceId), readEndpointPage, { query: { ...p, version_id: versionId, sort: 'path', order: 'asc' } }),
  );
  const otherVersion = page.items.some((e) => e.version_id !== null && e.version_id !== versionId);
  if (otherVersion) learnCapability('endpointsByVersion', 'unavailable');
  return { ...page, otherVersion };
};

export const endpointsQueryOptions = (scope: Scope, serviceId: string, versionId: string) =>
  queryOptions({ queryKey: versionKeys.endpoints(scope, serviceId, versionId), queryFn: () => getEndpoints(scope, serviceId, versionId) });

/** The page of endpoints: `items`, the rows that could not be read (`invalid`), and whether they are another version's (`otherVersion`). */
export const useEndpointPage = (scope: Scope, serviceId: string, versionId: string) =>
  useSuspenseQuery(endpointsQueryOptions(scope, serviceId, versionId)).data;
