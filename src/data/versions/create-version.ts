import { useMutation, useQueryClient } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { readServiceVersion } from '@/contract/versions';
import { api } from '@/lib/api-client';
import { versionsChanged } from './versions-changed';

/** A new draft (seed 000 "Creating a New Version"); it starts from the live endpoints. */
export const createVersion = (scope: Scope, serviceId: string, idempotencyKey: string) =>
  api.post(paths.versions(scope, serviceId), readServiceVersion, { idempotencyKey });

export function useCreateVersion(scope: Scope, serviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (idempotencyKey: string) => createVersion(scope, serviceId, idempotencyKey),
    // The version list gains the draft (at the head: the newest); the service record (and so the lists) gains its draft_version.
    onSuccess: (draft) =>
      versionsChanged(queryClient, scope, serviceId, (list) =>
        list && !list.items.some((v) => v.id === draft.id) ? { ...list, items: [draft, ...list.items], total: list.total + 1 } : list,
      ),
  });
}
