import { queryOptions, useQuery } from '@tanstack/react-query';
import { pageOrArray } from '@/contract/common';
import { ConnectorInstance } from '@/contract/connectors';
import { paths, type Scope } from '@/contract/paths';
import { connectorKeys } from '@/data/query-keys';
import { api } from '@/lib/api-client';

const InstanceList = pageOrArray(ConnectorInstance);

export const getInstances = (scope: Scope, connectorId: string) =>
  api.get(paths.instances(scope, connectorId), InstanceList, { query: { limit: 100 } }).then((page) => page.items);

export const instancesQueryOptions = (scope: Scope, connectorId: string) =>
  queryOptions({ queryKey: connectorKeys.instances(scope, connectorId), queryFn: () => getInstances(scope, connectorId) });

export const useInstances = (scope: Scope, connectorId: string) => useQuery(instancesQueryOptions(scope, connectorId));
