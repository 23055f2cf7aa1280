import { queryOptions, useQuery } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { readRevocationPage } from '@/contract/tokens';
import { api } from '@/lib/api-client';
import { readExtension } from '@/lib/extensions';
import { tokenKeys } from './keys';

/**
 * The revocations in force (or all, with `includeExpired`), newest first, read
 * row by row. Seed 004 names `list_revocations` but not its path: ours is an
 * extension, and without it `available` is false.
 */
export const getRevocations = (scope: Scope, serviceId: string, includeExpired: boolean) =>
  readExtension('tokenRevocation', () =>
    api
      .get(paths.revocations(scope, serviceId), readRevocationPage, { query: { include_expired: includeExpired, limit: 100 } })
      .then((page) => ({ ...page, items: [...page.items].sort((a, b) => b.revoked_at.localeCompare(a.revoked_at)) })),
  );

export const revocationsQueryOptions = (scope: Scope, serviceId: string, includeExpired: boolean) =>
  queryOptions({
    queryKey: tokenKeys.revocationList(scope, serviceId, includeExpired),
    queryFn: () => getRevocations(scope, serviceId, includeExpired),
  });

export const useRevocations = (scope: Scope, serviceId: string, includeExpired: boolean) =>
  useQuery(revocationsQueryOptions(scope, serviceId, includeExpired));
