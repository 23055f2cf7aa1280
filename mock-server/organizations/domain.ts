/**
 * The organization and its workspaces (seed 001): the scope every other path
 * starts from (`:org_id`, `:workspace_id`).
 */
import * as organizations from '../../src/contract/organizations';
import { defineDomain } from '../core/domain';
import { notFound } from '../core/errors';
import type { OrganizationRecord, WorkspaceRecord } from './records';
import { organizationsApi } from './routes';
import { demoOrganization } from './seed';

declare module '../core/store' {
  interface Collections {
    organizations: Collection<OrganizationRecord>;
    workspaces: Collection<WorkspaceRecord>;
  }
  interface StoreQueries {
    /** The workspace, if it is the organization's. */
    workspaceIn(orgId: string, workspaceId: string): WorkspaceRecord | undefined;
  }
}
declare module '../core/context' {
  interface ScopeParams {
    org_id: { var: 'org'; value: OrganizationRecord };
    workspace_id: { var: 'workspace'; value: WorkspaceRecord };
  }
}

export const organizationsDomain = defineDomain({
  name: 'organizations',
  apis: [organizationsApi],
  collections: {
    organizations: { table: 'organizations', key: (o) => o.id },
    workspaces: { table: 'workspaces', key: (w) => w.id },
  },
  queries: (store) => ({
    workspaceIn: (orgId, workspaceId) => {
      const ws = store.workspaces.get(workspaceId);
      return ws && ws.org_id === orgId ? ws : undefined;
    },
  }),
  seed: ({ ago }) => demoOrganization(ago),
  scope: {
    org_id: {
      var: 'org',
      thing: 'Organization',
      // Users see only their own organization; anything else is "not found", and hides its workspaces too.
      find: ({ store, id, caller, params }) => {
        const org = caller && id === caller.user.org_id ? store.organizations.get(id) : undefined;
        if (!org && params.workspace_id !== undefined) throw notFound('Workspace');
        return org;
      },
    },
    workspace_id: {
      var: 'workspace',
      thing: 'Workspace',
      find: ({ store, id, scope: { org } }) => (org ? store.workspaceIn(org.id, id) : undefined),
    },
  },
  openapi: { schemas: [organizations] },
});
