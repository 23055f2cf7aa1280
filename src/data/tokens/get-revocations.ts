import { queryOptions, useQuery } from '@tanstack/react-query';
import { pageOrArray } from '@/contract/common';
import { paths, type Scope } from '@/contract/paths';
import { Revocation } from '@/contract/tokens';
import { api } from '@/lib/api-client';
import { tokenKeys } from './keys';

const RevocationList = pageOrArray(Revocation);

export const getRevocations = (scope: Scope, serviceId: string, includeExpired: boolean) =>
  api
    .get(paths.revocations(scope, serviceId), RevocationList, { query: { include_expired: includeExpired, limit: 100 } })
    .then((page) => ({ ...page, items: [...page.items].sort((a, b) => b.revoked_at.localeCompare(a.revoked_at)) }));

export const revocationsQueryOptions = (scope: Scope, serviceId: string, includeExpired: boolean) =>
  queryOptions({ queryKey: tokenKeys.revocationList(scope, serviceId, includeExpired), queryFn: () => getRevocations(scope, serviceId, includeExpired) });

export const useRevocations = (scope: Scope, serviceId: string, includeExpired: boolean) => useQuery(revocationsQueryOptions(scope, serviceId, includeExpired));
