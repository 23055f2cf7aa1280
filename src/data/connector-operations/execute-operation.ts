import { useMutation } from '@tanstack/react-query';
import { ExecuteRequest, readExecuteAnswer } from '@/contract/connector-operations';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';

/**
 * Execute a connector operation (seed 001; seed 002's `execute_operation`):
 * the rows read or changed, or a large write's job. A write carries one
 * Idempotency-Key per submission, so a retry never writes twice; a read needs none.
 */
export const executeOperation = (
  scope: Scope,
  connectorId: string,
  instanceId: string,
  operationId: string,
  params: Record<string, unknown>,
  idempotencyKey?: string,
) =>
  api.post(paths.executeOperation(scope, connectorId, instanceId, operationId), readExecuteAnswer, {
    body: ExecuteRequest.parse({ params }),
    idempotencyKey,
  });

type Execute = { operationId: string; params: Record<string, unknown>; idempotencyKey?: string };

/** The answer stays with the page that asked (rows are data, not cache: `gcTime: 0`). */
export function useExecuteOperation(scope: Scope, connectorId: string, instanceId: string) {
  return useMutation({
    mutationFn: ({ operationId, params, idempotencyKey }: Execute) =>
      executeOperation(scope, connectorId, instanceId, operationId, params, idempotencyKey),
    gcTime: 0,
  });
}
