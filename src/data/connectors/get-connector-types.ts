import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { readConnectorTypePage } from '@/contract/connectors';
import { paths, type Scope } from '@/contract/paths';
import { readAllPages } from '@/lib/all-pages';
import { api } from '@/lib/api-client';
import { connectorKeys } from './keys';

/** The catalog: which kinds of connector the platform offers and what each needs; a type that cannot be read is left out. */
export const getConnectorTypes = (scope: Scope) =>
  readAllPages((page) => api.get(paths.connectorTypes(scope), readConnectorTypePage, { query: page })).then((all) => all.items);

export const connectorTypesQueryOptions = (scope: Scope) =>
  queryOptions({ queryKey: connectorKeys.types(scope), queryFn: () => getConnectorTypes(scope), staleTime: 5 * 60_000 });

export const useConnectorTypes = (scope: Scope) => useSuspenseQuery(connectorTypesQueryOptions(scope)).data;
