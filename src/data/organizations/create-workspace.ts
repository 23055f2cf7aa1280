import { useMutation, useQueryClient } from '@tanstack/react-query';
import { readWorkspace, WorkspaceCreate } from '@/contract/organizations';
import { paths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { organizationKeys } from './keys';

/** `POST /organizations/{org_id}/workspaces` (seed 001): admins add a workspace. */
export const createWorkspace = (orgId: string, input: WorkspaceCreate, idempotencyKey: string) =>
  api.post(paths.workspaces(orgId), readWorkspace, { body: WorkspaceCreate.parse(input), idempotencyKey });

export function useCreateWorkspace(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: WorkspaceCreate; idempotencyKey: string }) =>
      createWorkspace(orgId, input, idempotencyKey),
    // Awaited, so the new workspace is in the list before anyone switches to it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.workspaces(orgId) }),
  });
}
