import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod/mini';
import { paths, type Scope } from '@/contract/paths';
import { Revocation, RevokeAllRequest } from '@/contract/tokens';
import { api } from '@/lib/api-client';
import { tokenKeys } from './keys';

type RevokeAll = z.input<typeof RevokeAllRequest>;

/** Revoke every token of the service minted until now. */
export const revokeAllTokens = (scope: Scope, serviceId: string, input: RevokeAll) =>
  api.post(paths.revokeAllTokens(scope, serviceId), Revocation, { body: RevokeAllRequest.parse(input) });

export function useRevokeAllTokens(scope: Scope, serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RevokeAll) => revokeAllTokens(scope, serviceId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.revocations(scope, serviceId) }),
  });
}
