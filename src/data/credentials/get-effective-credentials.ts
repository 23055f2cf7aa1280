import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { EffectiveCredentials } from '@/contract/credentials';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { credentialKeys } from './keys';

/** Which credentials a service deploys with, and both records, as metadata only (CONTRACT §5). */
export const getEffectiveCredentials = (scope: Scope, serviceId: string) => api.get(paths.effectiveCredentials(scope, serviceId), EffectiveCredentials);

export const effectiveCredentialsQueryOptions = (scope: Scope, serviceId: string) =>
  queryOptions({ queryKey: credentialKeys.effective(scope, serviceId), queryFn: () => getEffectiveCredentials(scope, serviceId) });

export const useEffectiveCredentials = (scope: Scope, serviceId: string) => useSuspenseQuery(effectiveCredentialsQueryOptions(scope, serviceId)).data;
