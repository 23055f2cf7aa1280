/** The organization and its workspaces, as stored. */
import type { Organization, Workspace } from '../../src/contract/organizations';

export type OrganizationRecord = Organization;
export type WorkspaceRecord = Workspace;
