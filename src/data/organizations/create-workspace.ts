import { readWorkspace, WorkspaceCreate } from '@/contract/organizations';
import { paths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { organizationKeys } from './keys';
import { useCreateThenRefresh } from '../mutations';

/** `POST /organizations/{org_id}/workspaces` (seed 001): admins add a workspace. */
export const createWorkspace = (orgId: string, input: WorkspaceCreate, idempotencyKey: string) =>
  api.post(paths.workspaces(orgId), readWorkspace, { body: WorkspaceCreate.parse(input), idempotencyKey });

/** The workspaces are read again before the mutation settles: the new one is in the list before anyone switches to it. */
export const useCreateWorkspace = (orgId: string) =>
  useCreateThenRefresh((input: WorkspaceCreate, key) => createWorkspace(orgId, input, key), organizationKeys.workspaces(orgId));
