/**
 * Organizations and workspaces as the console reads them (every signed-in page's first reads). Renaming,
 * creating and the list queries are in `organizations.ts`, which re-exports these (see `common-read.ts`).
 */
import * as z from 'zod/mini';
import { Id } from './common-read';
import { lenient, strict, type Mode, type Reading } from './reading';

/** Seed 004 lists organizations and workspaces without naming fields: beyond id and name, each is our decision. */
const organization = <M extends Mode>(r: Reading<M>) =>
  z.object({
    id: Id,
    name: z.string(),
    slug: r.decided(z.string(), null),
    created_at: r.decided(r.timestamp, null),
  });
export const Organization = /* @__PURE__ */ organization(strict);
export const readOrganization = /* @__PURE__ */ organization(lenient);
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
export const Workspace = /* @__PURE__ */ workspace(strict);
export const readWorkspace = /* @__PURE__ */ workspace(lenient);
export type Workspace = z.infer<typeof Workspace>;
export type WorkspaceRead = z.output<typeof readWorkspace>;

export const OrganizationPage = /* @__PURE__ */ strict.page(Organization);
export const readOrganizationPage = /* @__PURE__ */ lenient.page(readOrganization);
export const WorkspacePage = /* @__PURE__ */ strict.page(Workspace);
export const readWorkspacePage = /* @__PURE__ */ lenient.page(readWorkspace);
