import { useMutation, useQueryClient } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { Revocation, RevokeAllRequest, RevokeRequest } from '@/contract/tokens';
import { api } from '@/lib/api-client';
import type { z } from 'zod';

export { RevokeRequest as revokeSchema, RevokeAllRequest as revokeAllSchema };

/** The revocations list of one service, whatever the include-expired toggle. */
const revocationsKey = (scope: Scope, serviceId: string) => ['services', scope.orgId, scope.workspaceId, 'detail', serviceId, 'revocations'];

export const revokeToken = (scope: Scope, serviceId: string, input: RevokeRequest) =>
  api.post(paths.revokeToken(scope, serviceId), Revocation, { body: RevokeRequest.parse(input) });

export const revokeAllTokens = (scope: Scope, serviceId: string, input: z.input<typeof RevokeAllRequest>) =>
  api.post(paths.revokeAllTokens(scope, serviceId), Revocation, { body: RevokeAllRequest.parse(input) });

export function useRevokeToken(scope: Scope, serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RevokeRequest) => revokeToken(scope, serviceId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: revocationsKey(scope, serviceId) }),
  });
}

export function useRevokeAllTokens(scope: Scope, serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof RevokeAllRequest>) => revokeAllTokens(scope, serviceId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: revocationsKey(scope, serviceId) }),
  });
}
