import { useMutation, useQueryClient } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { PublishRequest, readServiceVersion } from '@/contract/versions';
import { api } from '@/lib/api-client';
import { versionsChanged } from './versions-changed';

/** With the submission's `idempotencyKey`, a retry whose first answer was lost gets that answer rather than "already published". */
export const publishVersion = (scope: Scope, serviceId: string, versionId: string, input: PublishRequest, idempotencyKey?: string) =>
  api.post(paths.publishVersion(scope, serviceId, versionId), readServiceVersion, { body: PublishRequest.parse(input), idempotencyKey });

export function usePublishVersion(scope: Scope, serviceId: string, versionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: PublishRequest; idempotencyKey?: string }) =>
      publishVersion(scope, serviceId, versionId, input, idempotencyKey),
    // Every version's status and share may change, and the service's active version with them.
    onSuccess: () => versionsChanged(queryClient, scope, serviceId),
  });
}
