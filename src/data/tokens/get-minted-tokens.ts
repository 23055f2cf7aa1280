import { queryOptions, useQuery } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { readMintedTokenPage } from '@/contract/tokens';
import { api } from '@/lib/api-client';
import { callExtension } from '@/lib/extensions';
import { tokenKeys } from './keys';

/**
 * [extension] `GET …/service-tokens` (CONTRACT §11): what the platform minted
 * for the service, never the tokens. Optional: a platform without it answers
 * 404/405/501 (`notAvailable` in lib), and the Tokens tab then offers the
 * revoke-by-ID form alone. Read leniently.
 */
export const getMintedTokens = (scope: Scope, serviceId: string, limit: number) =>
  callExtension('mintedTokens', () => api.get(paths.serviceTokens(scope, serviceId), readMintedTokenPage, { query: { limit } }));

export const mintedTokensQueryOptions = (scope: Scope, serviceId: string, limit: number) =>
  queryOptions({ queryKey: tokenKeys.mintedList(scope, serviceId, limit), queryFn: () => getMintedTokens(scope, serviceId, limit) });

export const useMintedTokens = (scope: Scope, serviceId: string, limit: number) =>
  useQuery(mintedTokensQueryOptions(scope, serviceId, limit));
