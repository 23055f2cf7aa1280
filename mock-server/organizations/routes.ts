/** The caller's organization and its workspaces (seed 001). */
import { OrganizationPage, WorkspacePage } from '../../src/contract/organizations';
import { paths } from '../../src/contract/paths';
import { matches, PageQuery, paginate } from '../core/lists';
import { apiPath, domainApi, get } from '../core/operations';
import { reply } from '../core/replies';
import { E401, E422, READ_ERRORS } from '../core/responses';

const WORKSPACES = apiPath('/organizations/:org_id/workspaces', paths.workspaces(':org_id'));

export const organizationsApi = domainApi(['organizations'], [
  get(paths.organizations(), 'listOrganizations', 'Organizations the user belongs to', {
    query: PageQuery,
    responses: { 200: { description: 'A page of organizations', schema: OrganizationPage }, 401: E401, 422: E422 },
    handler: ({ var: { store, principal, query } }) => {
      const orgs = [...store.organizations.values()].filter((o) => o.id === principal.user.org_id && matches(query.search, o.name, o.slug));
      return reply(200, OrganizationPage, paginate(orgs, query));
    },
  }),
  get(WORKSPACES, 'listWorkspaces', "An organization's workspaces, by name", {
    query: PageQuery,
    responses: { 200: { description: 'A page of workspaces', schema: WorkspacePage }, ...READ_ERRORS, 422: E422 },
    handler: ({ var: { store, org, query } }) => {
      const list = [...store.workspaces.values()].filter((w) => w.org_id === org.id && matches(query.search, w.name, w.slug)).sort((a, b) => a.name.localeCompare(b.name));
      return reply(200, WorkspacePage, paginate(list, query));
    },
  }),
]);
