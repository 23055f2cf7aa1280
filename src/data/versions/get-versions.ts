import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { readVersionPage } from '@/contract/versions';
import { api } from '@/lib/api-client';
import { versionKeys } from './keys';

/** A page of versions as the console keeps it: newest first. */
export const newestFirst = <P extends { items: { version: number }[] }>(page: P): P => ({
  ...page,
  items: [...page.items].sort((a, b) => b.version - a.version),
});

/** A service's versions, newest first, read row by row; the versions, traffic and stubs tabs all read this. */
export const getVersions = (scope: Scope, serviceId: string) =>
  api.get(paths.versions(scope, serviceId), readVersionPage, { query: { limit: 100 } }).then(newestFirst);

/** The versions list as cached (`versionKeys.list`). */
export type VersionList = Awaited<ReturnType<typeof getVersions>>;

export const versionsQueryOptions = (scope: Scope, serviceId: string) =>
  queryOptions({ queryKey: versionKeys.list(scope, serviceId), queryFn: () => getVersions(scope, serviceId) });

/** The page of versions: `items`, and the rows that could not be read (`invalid`). */
export const useVersionPage = (scope: Scope, serviceId: string) => useSuspenseQuery(versionsQueryOptions(scope, serviceId)).data;

export const useVersions = (scope: Scope, serviceId: string) => useVersionPage(scope, serviceId).items;
