import { useQuery, type QueryClient } from '@tanstack/react-query';
import { readConnectorInstancePage } from '@/contract/connectors';
import { paths, type Scope } from '@/contract/paths';
import { readAllPages } from '@/lib/all-pages';
import { api } from '@/lib/api-client';
import { connectorKeys, type InstancePageQuery } from './keys';
import { pageQueryOptions } from '../page-query';

/** Instances by name, A to Z: how the console lists them (the platform's default is newest first). */
const BY_NAME = { sort: 'name', order: 'asc' } as const;

/** Every instance of one connector type that could be read, page after page (the bindings pick from them all). */
export const getInstances = (scope: Scope, connectorId: string) =>
  readAllPages((page) => api.get(paths.instances(scope, connectorId), readConnectorInstancePage, { query: { ...page, ...BY_NAME } })).then(
    (all) => all.items,
  );

/**
 * A page of one type's instances by name, searched (name and description),
 * read row by row (`invalid`: the rows that could not be read); `paged` false
 * when the platform answered with every instance at once.
 */
export const getInstancePage = (scope: Scope, connectorId: string, query: InstancePageQuery, signal?: AbortSignal) =>
  api.get(paths.instances(scope, connectorId), readConnectorInstancePage, { query: { ...query, ...BY_NAME }, signal });

export const instancePageQueryOptions = (scope: Scope, connectorId: string, query: InstancePageQuery) =>
  pageQueryOptions(connectorKeys.instancePage(scope, connectorId, query), (signal) => getInstancePage(scope, connectorId, query, signal));

export const useInstancePage = (scope: Scope, connectorId: string, query: InstancePageQuery) =>
  useQuery(instancePageQueryOptions(scope, connectorId, query));

/** What changes when an instance is created, edited, deleted or tested: its type's pages and the list across types. */
export const instancesChanged = (queryClient: QueryClient, scope: Scope, connectorId: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: connectorKeys.instances(scope, connectorId) }),
    queryClient.invalidateQueries({ queryKey: connectorKeys.allInstances(scope) }),
  ]);
