import { useMutation, useQueryClient } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { Revocation, RevokeRequest } from '@/contract/tokens';
import { api } from '@/lib/api-client';
import { tokenKeys } from './keys';

/** Revoke one token by its `jti`: the gateway refuses it from then on. */
export const revokeToken = (scope: Scope, serviceId: string, input: RevokeRequest) =>
  api.post(paths.revokeToken(scope, serviceId), Revocation, { body: RevokeRequest.parse(input) });

export function useRevokeToken(scope: Scope, serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RevokeRequest) => revokeToken(scope, serviceId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.revocations(scope, serviceId) }),
  });
}
