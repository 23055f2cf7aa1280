import { queryOptions, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import type { PageRead } from '@/contract/reading';
import { readVersionPage, type ServiceVersionRead } from '@/contract/versions';
import { inferTraffic } from '@/contract/versions-rules';
import { readAllPages } from '@/lib/all-pages';
import { api } from '@/lib/api-client';
import { versionKeys, type VersionPageQuery } from './keys';
import { pageQueryOptions } from '../page-query';

/** A page of versions as the console keeps it: newest first. */
const newestFirst = <P extends { items: { version: number }[] }>(page: P): P => ({
  ...page,
  items: [...page.items].sort((a, b) => b.version - a.version),
});

/** Newest first, each version's traffic as far as the lifecycle tells it where the platform did not say (`inferTraffic`). */
export const asKept = <P extends { items: ServiceVersionRead[] }>(page: P): P => {
  const sorted = newestFirst(page);
  return { ...sorted, items: inferTraffic(sorted.items) };
};

/**
 * Every version of a service, newest first, read row by row and page after
 * page (a service may have more than a page of them); the traffic, test, stubs
 * and version pages work from it.
 */
export const getVersions = (scope: Scope, serviceId: string) =>
  readAllPages((page) => api.get(paths.versions(scope, serviceId), readVersionPage, { query: page })).then(asKept);

/** The versions list as cached (`versionKeys.list`). */
export type VersionList = PageRead<ServiceVersionRead>;

export const versionsQueryOptions = (scope: Scope, serviceId: string) =>
  queryOptions({ queryKey: versionKeys.list(scope, serviceId), queryFn: (): Promise<VersionList> => getVersions(scope, serviceId) });

/** The page of versions: `items`, and the rows that could not be read (`invalid`). */
export const useVersionPage = (scope: Scope, serviceId: string) => useSuspenseQuery(versionsQueryOptions(scope, serviceId)).data;

export const useVersions = (scope: Scope, serviceId: string) => useVersionPage(scope, serviceId).items;

/**
 * One page of the Versions tab: newest first, as the platform pages and
 * searches them (a version's number, its endpoints). A platform that answers
 * with a bare array gives every version at once (`paged` false).
 */
export const getVersionsPage = (scope: Scope, serviceId: string, query: VersionPageQuery, signal?: AbortSignal) =>
  api.get(paths.versions(scope, serviceId), readVersionPage, { query: { ...query, sort: 'created_at', order: 'desc' }, signal });

export const versionsPageQueryOptions = (scope: Scope, serviceId: string, query: VersionPageQuery) =>
  pageQueryOptions(versionKeys.page(scope, serviceId, query), (signal) => getVersionsPage(scope, serviceId, query, signal));

export const useVersionsPage = (scope: Scope, serviceId: string, query: VersionPageQuery) =>
  useQuery(versionsPageQueryOptions(scope, serviceId, query));
