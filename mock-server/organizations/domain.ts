/**
 * The organization and its workspaces (seed 001): the scope every other path
 * starts from (`:org_id`, `:workspace_id`).
 */
import * as organizations from '../../src/contract/organizations';
import { belongsTo, defineDomain } from '../core/domain';
import { byId } from '../core/store';
import { notFound } from '../core/errors';
import type { OrganizationRecord, WorkspaceRecord } from './records';
import { organizationsApi } from './routes';
import { demoOrganization } from './seed';

declare module '../core/store' {
  interface Collections {
    organizations: Collection<OrganizationRecord>;
    workspaces: Collection<WorkspaceRecord>;
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
    organizations: byId('organizations'),
    workspaces: byId('workspaces'),
  },
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
    workspace_id: { var: 'workspace', thing: 'Workspace', find: belongsTo('workspaces', { org_id: 'org' }) },
  },
  openapi: { schemas: [organizations] },
});
