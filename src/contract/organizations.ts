import * as z from 'zod/mini';
import { Id, listQuery, Name } from './common';
import { lenient, strict, type Mode, type Reading } from './reading';

/** Seed 004 lists organizations and workspaces without naming fields: beyond id and name, each is our decision. */
const organization = <M extends Mode>(r: Reading<M>) =>
  z.object({
    id: Id,
    name: z.string(),
    slug: r.decided(z.string(), null),
    created_at: r.decided(r.timestamp, null),
  });
export const [Organization, readOrganization] = [organization(strict), organization(lenient)];
export type Organization = z.infer<typeof Organization>;
export type OrganizationRead = z.output<typeof readOrganization>;

const workspace = <M extends Mode>(r: Reading<M>) =>
  z.object({
    id: Id,
    org_id: r.decided(Id, null),
    name: z.string(),
    slug: r.decided(z.string(), null),
    created_at: r.decided(r.timestamp, null),
  });
export const [Workspace, readWorkspace] = [workspace(strict), workspace(lenient)];
export type Workspace = z.infer<typeof Workspace>;
export type WorkspaceRead = z.output<typeof readWorkspace>;

/**
 * Renaming an organization (`PUT /organizations/{org_id}`) and creating a
 * workspace (`POST /organizations/{org_id}/workspaces`), both documented by
 * seed 001: a name is human text, as every name is.
 */
export const OrganizationUpdate = z.strictObject({ name: Name(100) });
export type OrganizationUpdate = z.infer<typeof OrganizationUpdate>;
export const WorkspaceCreate = z.strictObject({ name: Name(100) });
export type WorkspaceCreate = z.infer<typeof WorkspaceCreate>;

export const [OrganizationPage, readOrganizationPage] = [strict.page(Organization), lenient.page(readOrganization)];
export const [WorkspacePage, readWorkspacePage] = [strict.page(Workspace), lenient.page(readWorkspace)];

/** `GET /organizations` and `GET /organizations/{org_id}/workspaces`: newest first unless `sort` says; `search` covers name and slug. */
export const OrganizationListQuery = listQuery(['created_at', 'name', 'slug']);
export const WorkspaceListQuery = listQuery(['created_at', 'name', 'slug']);
