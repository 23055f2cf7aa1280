import { useMutation, useQueryClient } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { ServiceVersion } from '@/contract/versions';
import { serviceKeys, versionKeys } from '@/data/query-keys';
import { api } from '@/lib/api-client';

/** A new draft (seed 000 "Creating a New Version"); it starts from the live endpoints. */
export const createVersion = (scope: Scope, serviceId: string, idempotencyKey: string) =>
  api.post(paths.versions(scope, serviceId), ServiceVersion, { idempotencyKey });

export function useCreateVersion(scope: Scope, serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (idempotencyKey: string) => createVersion(scope, serviceId, idempotencyKey),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: versionKeys.all(scope, serviceId) }),
        queryClient.invalidateQueries({ queryKey: serviceKeys.detail(scope, serviceId), exact: true }),
      ]),
  });
}
