import { useMutation, useQueryClient } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { TrafficUpdate } from '@/contract/versions';
import { api } from '@/lib/api-client';
import { callExtension } from '@/lib/extensions';
import { versionsChanged } from '../versions/versions-changed';

/**
 * Re-split traffic among the serving versions; a version set to 0 is archived
 * for good. `PUT …/traffic` is our extension (a documented platform sets a split
 * only when publishing): without it this throws `ExtensionUnavailable`. The
 * answer is not kept: the versions are read again.
 */
export const updateTraffic = (scope: Scope, serviceId: string, input: TrafficUpdate) =>
  callExtension('trafficSplit', () => api.put(paths.traffic(scope, serviceId), null, { body: TrafficUpdate.parse(input) }));

export function useUpdateTraffic(scope: Scope, serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TrafficUpdate) => updateTraffic(scope, serviceId, input),
    // A rollback changes the service's active version too, so its header, overview and list row refresh with the versions.
    onSuccess: () => versionsChanged(queryClient, scope, serviceId),
  });
}
