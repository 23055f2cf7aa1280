import { useMutation, useQueryClient } from '@tanstack/react-query';
import { paths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { apiKeyKeys } from './keys';

/** `DELETE /organizations/{org_id}/api-keys/{key_id}` (seed 001): the exchange refuses the key from now on. */
export const revokeApiKey = (orgId: string, keyId: string) => api.delete(paths.apiKey(orgId, keyId));

export function useRevokeApiKey(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) => revokeApiKey(orgId, keyId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.list(orgId) }),
  });
}
