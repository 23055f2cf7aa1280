import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiKeyCreate, readApiKeyCreated } from '@/contract/api-keys';
import { paths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { apiKeyKeys } from './keys';

/** `POST /organizations/{org_id}/api-keys` (seed 001): the answer holds the key, this once. */
export const createApiKey = (orgId: string, input: ApiKeyCreate, idempotencyKey: string) =>
  api.post(paths.apiKeys(orgId), readApiKeyCreated, { body: ApiKeyCreate.parse(input), idempotencyKey });

/**
 * A mutation, never a query: the key is shown once. With `gcTime: 0` the
 * mutation — and the key in its result — leaves the cache as soon as the
 * caller resets it (when the user confirms they copied it) or unmounts.
 */
export function useCreateApiKey(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: ApiKeyCreate; idempotencyKey: string }) => createApiKey(orgId, input, idempotencyKey),
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.list(orgId) }),
  });
}
