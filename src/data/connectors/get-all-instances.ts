import { queryOptions, useQuery } from '@tanstack/react-query';
import { pageOrArray } from '@/contract/common';
import { ConnectorInstance, ConnectorType } from '@/contract/connectors';
import { paths, type Scope } from '@/contract/paths';
import { connectorKeys } from '@/data/query-keys';
import { api } from '@/lib/api-client';

const ConnectorTypeList = pageOrArray(ConnectorType);
const InstanceList = pageOrArray(ConnectorInstance);

/** An instance a binding may point at, with the type it belongs to. */
export type BindableInstance = { instance: ConnectorInstance; type: ConnectorType };

/** Every connector instance of the workspace, across the catalog (the platform lists them per type). */
export const getBindableInstances = async (scope: Scope): Promise<BindableInstance[]> => {
  const types = (await api.get(paths.connectorTypes(scope), ConnectorTypeList)).items;
  const lists = await Promise.all(types.map((type) => api.get(paths.instances(scope, type.id), InstanceList, { query: { limit: 100 } })));
  return types
    .flatMap((type, i) => (lists[i]?.items ?? []).map((instance) => ({ instance, type })))
    .sort((a, b) => a.instance.name.localeCompare(b.instance.name));
};

/** Under the connectors key, so creating or deleting an instance on the Connectors page refreshes it. */
export const bindableInstancesQueryOptions = (scope: Scope) =>
  queryOptions({ queryKey: [...connectorKeys.all(scope), 'all-instances'], queryFn: () => getBindableInstances(scope), staleTime: 30_000 });

export const useBindableInstances = (scope: Scope) => useQuery(bindableInstancesQueryOptions(scope));
