import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { DdlRequest, readDdlOutcome, readDdlRecordPage } from '@/contract/connector-operations';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { callExtension, readExtension } from '@/lib/extensions';
import { connectorOperationKeys } from './keys';
import { useMutationThenRefresh } from '../mutations';

/**
 * [extension] DDL on an instance (seed 002, 004 `execute_ddl(instance_id, sql,
 * confirm, reason)`; the path is ours, CONTRACT §14): a preview changes nothing,
 * a confirm runs it. A platform without it throws `ExtensionUnavailable`.
 */
export const executeDdl = (scope: Scope, connectorId: string, instanceId: string, input: DdlRequest, idempotencyKey?: string) =>
  callExtension('connectorDdl', () =>
    api.post(paths.instanceDdl(scope, connectorId, instanceId), readDdlOutcome, { body: DdlRequest.parse(input), idempotencyKey }),
  );

export function usePreviewDdl(scope: Scope, connectorId: string, instanceId: string) {
  return useMutation({ mutationFn: (sql: string) => executeDdl(scope, connectorId, instanceId, { sql, confirm: false }) });
}

/**
 * Run it: the instance's history changes. (The activity of the services bound
 * to it changes too; a service's activity is read fresh whenever it is shown.)
 */
export const useRunDdl = (scope: Scope, connectorId: string, instanceId: string) =>
  useMutationThenRefresh(
    ({ sql, reason, idempotencyKey }: { sql: string; reason: string; idempotencyKey: string }) =>
      executeDdl(scope, connectorId, instanceId, { sql, confirm: true, reason }, idempotencyKey),
    connectorOperationKeys.ddlHistory(scope, connectorId, instanceId),
  );

/** [extension] What DDL ran on the instance, newest first — or that the platform does not say. */
export const getDdlHistory = (scope: Scope, connectorId: string, instanceId: string, limit: number) =>
  readExtension('connectorDdl', () => api.get(paths.instanceDdl(scope, connectorId, instanceId), readDdlRecordPage, { query: { limit } }));

export const ddlHistoryQueryOptions = (scope: Scope, connectorId: string, instanceId: string, limit: number) =>
  queryOptions({
    queryKey: connectorOperationKeys.ddlPage(scope, connectorId, instanceId, limit),
    queryFn: () => getDdlHistory(scope, connectorId, instanceId, limit),
  });

export const useDdlHistory = (scope: Scope, connectorId: string, instanceId: string, limit: number) =>
  useQuery(ddlHistoryQueryOptions(scope, connectorId, instanceId, limit));
