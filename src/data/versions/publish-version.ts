import { useMutation, useQueryClient } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { PublishRequest, readServiceVersion } from '@/contract/versions';
import { api } from '@/lib/api-client';
import { versionsChanged } from './versions-changed';

export const publishVersion = (scope: Scope, serviceId: string, versionId: string, input: PublishRequest) =>
  api.post(paths.publishVersion(scope, serviceId, versionId), readServiceVersion, { body: PublishRequest.parse(input) });

export function usePublishVersion(scope: Scope, serviceId: string, versionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PublishRequest) => publishVersion(scope, serviceId, versionId, input),
    // Every version's status and share may change, and the service's active version with them.
    onSuccess: () => versionsChanged(queryClient, scope, serviceId),
  });
}
