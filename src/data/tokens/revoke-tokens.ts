import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod/mini';
import { paths, type Scope } from '@/contract/paths';
import { RevokeAllRequest, RevokeRequest } from '@/contract/tokens';
import { api } from '@/lib/api-client';
import { callExtension } from '@/lib/extensions';
import { tokenKeys } from './keys';

/** What to revoke (seed 004): one token by its `jti`, or every token of the service minted until now. */
export type Revoke = { one: RevokeRequest } | { all: z.input<typeof RevokeAllRequest> };

/**
 * The gateway refuses what is revoked from then on. The paths are ours (seed 004
 * names the calls): without them this throws `ExtensionUnavailable`. The answer
 * (the revocation) is not read: what it changes — the revocations list and the
 * status of every minted token it catches — is read again.
 */
export const revokeTokens = (scope: Scope, serviceId: string, revoke: Revoke) =>
  callExtension('tokenRevocation', () =>
    'one' in revoke
      ? api.post(paths.revokeToken(scope, serviceId), { body: RevokeRequest.parse(revoke.one), answer: 'ignored' })
      : api.post(paths.revokeAllTokens(scope, serviceId), { body: RevokeAllRequest.parse(revoke.all), answer: 'ignored' }),
  );

export function useRevokeTokens(scope: Scope, serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (revoke: Revoke) => revokeTokens(scope, serviceId, revoke),
    // The revocations, and the status of the minted tokens they catch.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: tokenKeys.revocations(scope, serviceId) }),
        queryClient.invalidateQueries({ queryKey: tokenKeys.minted(scope, serviceId) }),
      ]),
  });
}
