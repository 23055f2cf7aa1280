import type { QueryClient } from '@tanstack/react-query';
import type { Scope } from '@/contract/paths';
import { activityKeys } from '../activity/keys';
import { serviceKeys, serviceRecord } from '../services/keys';
import { versionKeys } from './keys';

/**
 * After a change that moves versions (a new draft, a publish, a new split):
 * the version list, and the service record and list rows that show its active
 * and draft versions, and its activity (the Traffic tab's history of splits).
 * Endpoints and stubs of existing versions do not change.
 */
export const versionsChanged = (queryClient: QueryClient, scope: Scope, serviceId: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: versionKeys.list(scope, serviceId) }),
    queryClient.invalidateQueries(serviceRecord(scope, serviceId)),
    queryClient.invalidateQueries({ queryKey: serviceKeys.lists(scope) }),
    queryClient.invalidateQueries({ queryKey: activityKeys.all(scope, serviceId) }),
  ]);
