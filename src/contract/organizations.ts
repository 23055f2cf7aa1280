import * as z from 'zod/mini';
import { listQuery, Name } from './common';

export {
  Organization,
  OrganizationPage,
  readOrganization,
  readOrganizationPage,
  readWorkspace,
  readWorkspacePage,
  Workspace,
  WorkspacePage,
} from './organizations-read';
export type { OrganizationRead, WorkspaceRead } from './organizations-read';

/**
 * Renaming an organization (`PUT /organizations/{org_id}`) and creating a
 * workspace (`POST /organizations/{org_id}/workspaces`), both documented by
 * seed 001: a name is human text, as every name is.
 */
export const OrganizationUpdate = z.strictObject({ name: Name(100) });
export type OrganizationUpdate = z.infer<typeof OrganizationUpdate>;
export const WorkspaceCreate = z.strictObject({ name: Name(100) });
export type WorkspaceCreate = z.infer<typeof WorkspaceCreate>;

/** `GET /organizations` and `GET /organizations/{org_id}/workspaces`: newest first unless `sort` says; `search` covers name and slug. */
export const OrganizationListQuery = listQuery(['created_at', 'name', 'slug']);
export const WorkspaceListQuery = listQuery(['created_at', 'name', 'slug']);
