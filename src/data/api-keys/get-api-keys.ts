import { useQuery } from '@tanstack/react-query';
import { readApiKeyPage } from '@/contract/api-keys';
import { paths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { apiKeyKeys, type ApiKeyPageQuery } from './keys';
import { pageQueryOptions } from '../page-query';

/**
 * `GET /organizations/{org_id}/api-keys` (seed 001): a page of names, prefixes,
 * creators and use, newest first, searched by name and prefix; never a key.
 */
export const getApiKeys = (orgId: string, query: ApiKeyPageQuery, signal?: AbortSignal) =>
  api.get(paths.apiKeys(orgId), readApiKeyPage, { query: { ...query, sort: 'created_at', order: 'desc' }, signal });

export const apiKeysQueryOptions = (orgId: string, query: ApiKeyPageQuery) =>
  pageQueryOptions(apiKeyKeys.page(orgId, query), (signal) => getApiKeys(orgId, query, signal));

export const useApiKeys = (orgId: string, query: ApiKeyPageQuery, enabled = true) =>
  useQuery({ ...apiKeysQueryOptions(orgId, query), enabled });
