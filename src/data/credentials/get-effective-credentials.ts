import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { readEffectiveCredentials } from '@/contract/credentials';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { readExtension } from '@/lib/extensions';
import { credentialKeys } from './keys';

/**
 * Which credentials a service deploys with, and both records, as metadata only
 * (CONTRACT §5). `GET …/effective-credentials` is our extension: on a platform
 * without it the read says `available: false` and the tab keeps the documented PUT.
 */
export const getEffectiveCredentials = (scope: Scope, serviceId: string) =>
  readExtension('effectiveCredentials', () => api.get(paths.effectiveCredentials(scope, serviceId), readEffectiveCredentials));

export const effectiveCredentialsQueryOptions = (scope: Scope, serviceId: string) =>
  queryOptions({ queryKey: credentialKeys.effective(scope, serviceId), queryFn: () => getEffectiveCredentials(scope, serviceId) });

export const useEffectiveCredentials = (scope: Scope, serviceId: string) =>
  useSuspenseQuery(effectiveCredentialsQueryOptions(scope, serviceId)).data;
