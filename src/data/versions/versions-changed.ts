import type { QueryClient } from '@tanstack/react-query';
import type { Scope } from '@/contract/paths';
import { activityKeys } from '../activity/keys';
import { serviceKeys, serviceRecord } from '../services/keys';
import type { VersionList } from './get-versions';
import { versionKeys } from './keys';

/**
 * After a change that moves versions (a new draft, a publish, a new split):
 * the version list and the Versions tab's pages, and the service record and
 * list rows that show its active and draft versions, and its activity (the
 * Traffic tab's history of splits).
 * Endpoints and stubs of existing versions do not change.
 *
 * `known`: what the write's answer says of the list (every version after a
 * traffic change, the new draft), put in the cache so the list is not read
 * again; the rest is what the answer cannot tell, and is read again.
 */
export function versionsChanged(
  queryClient: QueryClient,
  scope: Scope,
  serviceId: string,
  known?: (list: VersionList | undefined) => VersionList | undefined,
) {
  if (known) queryClient.setQueryData(versionKeys.list(scope, serviceId), known);
  return Promise.all([
    known ? null : queryClient.invalidateQueries({ queryKey: versionKeys.list(scope, serviceId) }),
    queryClient.invalidateQueries({ queryKey: versionKeys.pages(scope, serviceId) }),
    queryClient.invalidateQueries(serviceRecord(scope, serviceId)),
    queryClient.invalidateQueries({ queryKey: serviceKeys.lists(scope) }),
    queryClient.invalidateQueries({ queryKey: activityKeys.all(scope, serviceId) }),
  ]);
}
