import { paths, type Scope } from '@/contract/paths';
import { MintRequest, readMintResponse } from '@/contract/tokens';
import { api } from '@/lib/api-client';
import { tokenKeys } from './keys';
import { useMutationThenRefresh } from '../mutations';

export const mintToken = (scope: Scope, serviceId: string, input: MintRequest) =>
  api.post(paths.mintToken(scope, serviceId), readMintResponse, { body: MintRequest.parse(input) });

/**
 * A mutation, never a query: the token is shown once. With gcTime 0 the
 * mutation — and the token in its result — leaves the cache as soon as the
 * caller resets it (or unmounts), so nothing keeps it after the dialog closes.
 */
export const useMintToken = (scope: Scope, serviceId: string) =>
  // The list shows what was minted (never the token).
  useMutationThenRefresh((input: MintRequest) => mintToken(scope, serviceId, input), tokenKeys.minted(scope, serviceId), { gcTime: 0 });
