import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ConnectorInstanceRead, ConnectorTypeRead } from '@/contract/connectors';
import type { Scope } from '@/contract/paths';
import { getConnectorTypes } from './get-connector-types';
import { getInstances } from './get-instances';
import { connectorKeys } from './keys';

/** An instance a binding may point at, with the type it belongs to. */
export type BindableInstance = { instance: ConnectorInstanceRead; type: ConnectorTypeRead };

/** Every connector instance of the workspace, across the catalog (the platform lists them per type). */
export const getAllInstances = async (scope: Scope): Promise<BindableInstance[]> => {
  const types = await getConnectorTypes(scope);
  const lists = await Promise.all(types.map((type) => getInstances(scope, type.id)));
  return types
    .flatMap((type, i) => (lists[i] ?? []).map((instance) => ({ instance, type })))
    .sort((a, b) => a.instance.name.localeCompare(b.instance.name));
};

export const allInstancesQueryOptions = (scope: Scope) =>
  queryOptions({ queryKey: connectorKeys.allInstances(scope), queryFn: () => getAllInstances(scope), staleTime: 30_000 });

export const useAllInstances = (scope: Scope) => useQuery(allInstancesQueryOptions(scope));
