import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { readConnectorInstancePage } from '@/contract/connectors';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { connectorKeys } from './keys';

/** One connector type's instances, read row by row (`invalid`: the rows that could not be read). */
export const getInstancePage = (scope: Scope, connectorId: string) =>
  api.get(paths.instances(scope, connectorId), readConnectorInstancePage, { query: { limit: 100 } });

/** One connector type's instances that could be read. */
export const getInstances = (scope: Scope, connectorId: string) => getInstancePage(scope, connectorId).then((page) => page.items);

export const instancesQueryOptions = (scope: Scope, connectorId: string) =>
  queryOptions({ queryKey: connectorKeys.instances(scope, connectorId), queryFn: () => getInstancePage(scope, connectorId) });

export const useInstances = (scope: Scope, connectorId: string) => useQuery(instancesQueryOptions(scope, connectorId));

/** What changes when an instance is created, edited, deleted or tested: its type's list and the list across types. */
export const instancesChanged = (queryClient: QueryClient, scope: Scope, connectorId: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: connectorKeys.instances(scope, connectorId) }),
    queryClient.invalidateQueries({ queryKey: connectorKeys.allInstances(scope) }),
  ]);
