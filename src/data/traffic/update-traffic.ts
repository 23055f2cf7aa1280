import { useMutation, useQueryClient } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { readVersionPage, TrafficUpdate } from '@/contract/versions';
import { api } from '@/lib/api-client';
import { callExtension } from '@/lib/extensions';
import { asKept } from '../versions/get-versions';
import { versionsChanged } from '../versions/versions-changed';

/**
 * Re-split traffic among the serving versions; a version set to 0 is archived
 * for good. `PUT …/traffic` is our extension (a documented platform sets a split
 * only when publishing): without it this throws `ExtensionUnavailable`. The
 * answer is every version after the change, which becomes the cached list.
 */
export const updateTraffic = (scope: Scope, serviceId: string, input: TrafficUpdate) =>
  callExtension('trafficSplit', () => api.put(paths.traffic(scope, serviceId), readVersionPage, { body: TrafficUpdate.parse(input) })).then(
    asKept,
  );

export function useUpdateTraffic(scope: Scope, serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TrafficUpdate) => updateTraffic(scope, serviceId, input),
    // The answer is the new list; a rollback changes the service's active version too, so its header, overview and list row are read again.
    onSuccess: (versions) => versionsChanged(queryClient, scope, serviceId, () => versions),
  });
}
