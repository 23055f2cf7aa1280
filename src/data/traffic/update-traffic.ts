import { useMutation, useQueryClient } from '@tanstack/react-query';
import { pageOrArray } from '@/contract/common';
import { paths, type Scope } from '@/contract/paths';
import { ServiceVersion, TrafficUpdate } from '@/contract/versions';
import { serviceKeys, versionKeys } from '@/data/query-keys';
import { api } from '@/lib/api-client';

const VersionList = pageOrArray(ServiceVersion);

export { TrafficUpdate as updateTrafficSchema };

/** Re-split traffic among the serving versions; a version set to 0 is archived for good. */
export const updateTraffic = (scope: Scope, serviceId: string, input: TrafficUpdate) =>
  api.put(paths.traffic(scope, serviceId), VersionList, { body: TrafficUpdate.parse(input) });

export function useUpdateTraffic(scope: Scope, serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TrafficUpdate) => updateTraffic(scope, serviceId, input),
    // A rollback changes the service's active version too, so its header and overview refresh with the versions.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: versionKeys.all(scope, serviceId) }),
        queryClient.invalidateQueries({ queryKey: serviceKeys.detail(scope, serviceId) }),
      ]),
  });
}
