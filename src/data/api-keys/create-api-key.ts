import { ApiKeyCreate, readApiKeyCreated } from '@/contract/api-keys';
import { paths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { apiKeyKeys } from './keys';
import { useCreateThenRefresh } from '../mutations';

/** `POST /organizations/{org_id}/api-keys` (seed 001): the answer holds the key, this once. */
export const createApiKey = (orgId: string, input: ApiKeyCreate, idempotencyKey: string) =>
  api.post(paths.apiKeys(orgId), readApiKeyCreated, { body: ApiKeyCreate.parse(input), idempotencyKey });

/**
 * A mutation, never a query: the key is shown once. With `gcTime: 0` the
 * mutation — and the key in its result — leaves the cache as soon as the
 * caller resets it (when the user confirms they copied it) or unmounts.
 */
export const useCreateApiKey = (orgId: string) =>
  useCreateThenRefresh((input: ApiKeyCreate, key) => createApiKey(orgId, input, key), apiKeyKeys.list(orgId), { gcTime: 0 });
