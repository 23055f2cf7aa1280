import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { readConnectorInstance } from '@/contract/connectors';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { connectorKeys } from './keys';

/** One instance (seed 001 "Get instance details"): its configuration, never its secrets. */
export const getInstance = (scope: Scope, connectorId: string, instanceId: string) =>
  api.get(paths.instance(scope, connectorId, instanceId), readConnectorInstance);

export const instanceQueryOptions = (scope: Scope, connectorId: string, instanceId: string) =>
  queryOptions({
    queryKey: connectorKeys.instance(scope, connectorId, instanceId),
    queryFn: () => getInstance(scope, connectorId, instanceId),
  });

export const useInstance = (scope: Scope, connectorId: string, instanceId: string) =>
  useSuspenseQuery(instanceQueryOptions(scope, connectorId, instanceId)).data;
