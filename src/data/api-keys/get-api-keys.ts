import { queryOptions, useQuery } from '@tanstack/react-query';
import { readApiKeyPage } from '@/contract/api-keys';
import { paths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { apiKeyKeys } from './keys';

/** `GET /organizations/{org_id}/api-keys` (seed 001): names, prefixes, creators and use; never a key. Newest first. */
export const getApiKeys = (orgId: string) =>
  api
    .get(paths.apiKeys(orgId), readApiKeyPage, { query: { limit: 100 } })
    .then((page) => ({ ...page, items: [...page.items].sort((a, b) => (b.created_at ?? '').localeCompare(a.created_at ?? '')) }));

export const apiKeysQueryOptions = (orgId: string) => queryOptions({ queryKey: apiKeyKeys.list(orgId), queryFn: () => getApiKeys(orgId) });

export const useApiKeys = (orgId: string, enabled = true) => useQuery({ ...apiKeysQueryOptions(orgId), enabled });
