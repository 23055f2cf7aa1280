import { paths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { apiKeyKeys } from './keys';
import { useMutationThenRefresh } from '../mutations';

/** `DELETE /organizations/{org_id}/api-keys/{key_id}` (seed 001): the exchange refuses the key from now on. */
export const revokeApiKey = (orgId: string, keyId: string) => api.delete(paths.apiKey(orgId, keyId));

export const useRevokeApiKey = (orgId: string) =>
  useMutationThenRefresh((keyId: string) => revokeApiKey(orgId, keyId), apiKeyKeys.list(orgId));
