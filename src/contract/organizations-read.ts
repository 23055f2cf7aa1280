/**
 * Organizations and workspaces as the console reads them (every signed-in page's first reads). Renaming,
 * creating and the list queries are in `organizations.ts`, which re-exports these (see `common-read.ts`).
 */
import * as z from 'zod/mini';
import { Id } from './common-read';
import { lenient, strict, withPage, type Mode, type Reading } from './reading';

/** Seed 004 lists organizations and workspaces without naming fields: beyond id and name, each is our decision. */
const named = <M extends Mode>(r: Reading<M>) => ({
  name: z.string(),
  slug: r.decided(z.string(), null),
  created_at: r.decided(r.timestamp, null),
});

const organization = <M extends Mode>(r: Reading<M>) => z.object({ id: Id, ...named(r) });
export const [Organization, OrganizationPage] = /* @__PURE__ */ withPage(organization, strict);
export const [readOrganization, readOrganizationPage] = /* @__PURE__ */ withPage(organization, lenient);
export type Organization = z.infer<typeof Organization>;
export type OrganizationRead = z.output<typeof readOrganization>;

const workspace = <M extends Mode>(r: Reading<M>) => z.object({ id: Id, org_id: r.decided(Id, null), ...named(r) });
export const [Workspace, WorkspacePage] = /* @__PURE__ */ withPage(workspace, strict);
export const [readWorkspace, readWorkspacePage] = /* @__PURE__ */ withPage(workspace, lenient);
export type Workspace = z.infer<typeof Workspace>;
export type WorkspaceRead = z.output<typeof readWorkspace>;
