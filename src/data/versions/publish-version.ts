import { useMutation, useQueryClient } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { PublishRequest, ServiceVersion } from '@/contract/versions';
import { serviceKeys, versionKeys } from '@/data/query-keys';
import { api } from '@/lib/api-client';

export const publishVersion = (scope: Scope, serviceId: string, versionId: string, trafficPercent: number) =>
  api.post(paths.publishVersion(scope, serviceId, versionId), ServiceVersion, { body: PublishRequest.parse({ traffic_percent: trafficPercent }) });

export function usePublishVersion(scope: Scope, serviceId: string, versionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (trafficPercent: number) => publishVersion(scope, serviceId, versionId, trafficPercent),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: versionKeys.all(scope, serviceId) }),
        queryClient.invalidateQueries({ queryKey: serviceKeys.detail(scope, serviceId), exact: true }),
        queryClient.invalidateQueries({ queryKey: serviceKeys.lists(scope) }),
      ]),
  });
}
