import { useMutation, useQueryClient } from '@tanstack/react-query';
import { pageOrArray } from '@/contract/common';
import { paths, type Scope } from '@/contract/paths';
import { ServiceVersion, TrafficUpdate } from '@/contract/versions';
import { api } from '@/lib/api-client';
import { versionsChanged } from '../versions/versions-changed';

const VersionList = pageOrArray(ServiceVersion);

/** Re-split traffic among the serving versions; a version set to 0 is archived for good. */
export const updateTraffic = (scope: Scope, serviceId: string, input: TrafficUpdate) =>
  api.put(paths.traffic(scope, serviceId), VersionList, { body: TrafficUpdate.parse(input) });

export function useUpdateTraffic(scope: Scope, serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TrafficUpdate) => updateTraffic(scope, serviceId, input),
    // A rollback changes the service's active version too, so its header, overview and list row refresh with the versions.
    onSuccess: () => versionsChanged(queryClient, scope, serviceId),
  });
}
