/** The caller's organization and its workspaces (seed 001): read by everyone; renamed and added to by admins. */
import {
  Organization,
  OrganizationListQuery,
  OrganizationPage,
  OrganizationUpdate,
  Workspace,
  WorkspaceCreate,
  WorkspaceListQuery,
  WorkspacePage,
} from '../../src/contract/organizations';
import { paths } from '../../src/contract/paths';
import { admins } from '../core/auth';
import { listPage, time, type ListSpec } from '../core/lists';
import { apiPath, domainApi, get, post, put } from '../core/operations';
import { reply } from '../core/replies';
import { E401, E409 } from '../core/responses';
import { createWorkspace, renameOrganization, workspacesOf } from './rules';

const ORGANIZATION = apiPath('/organizations/:org_id', paths.organization(':org_id'));
const WORKSPACES = apiPath('/organizations/:org_id/workspaces', paths.workspaces(':org_id'));

/** Organizations and workspaces read their parameters alike (core/lists.ts). */
const namedList: ListSpec<{ id: string; name: string; slug: string; created_at: string }> = {
  sort: { created_at: (x) => time(x.created_at), name: (x) => x.name, slug: (x) => x.slug },
  text: (x) => [x.name, x.slug],
};

export const organizationsApi = domainApi(
  ['organizations'],
  [
    get(paths.organizations(), 'listOrganizations', 'Organizations the user belongs to', {
      query: OrganizationListQuery,
      responses: { 200: { description: 'A page of organizations', schema: OrganizationPage }, 401: E401 },
      handler: ({ var: { store, principal, query } }) => {
        const orgs = [...store.organizations.values()].filter((o) => o.id === principal.user.org_id);
        return reply(200, OrganizationPage, listPage(orgs, query, namedList));
      },
    }),
    get(ORGANIZATION, 'getOrganization', 'The organization', {
      responses: { 200: { description: 'The organization', schema: Organization } },
      handler: ({ var: { org } }) => reply(200, Organization, org),
    }),
    put(ORGANIZATION, 'updateOrganization', 'Rename the organization (its slug stays)', {
      allow: admins('change the organization’s settings'),
      body: OrganizationUpdate,
      responses: { 200: { description: 'The organization as saved', schema: Organization } },
      handler: ({ var: { store, org, body } }) => reply(200, Organization, renameOrganization(store, org, body.name)),
    }),
    get(WORKSPACES, 'listWorkspaces', "An organization's workspaces, newest first", {
      query: WorkspaceListQuery,
      responses: { 200: { description: 'A page of workspaces', schema: WorkspacePage } },
      handler: ({ var: { store, org, query } }) => reply(200, WorkspacePage, listPage(workspacesOf(store, org.id), query, namedList)),
    }),
    post(WORKSPACES, 'createWorkspace', 'Create a workspace (names are unique in the organization; the slug is made from the name)', {
      allow: admins('create workspaces'),
      body: WorkspaceCreate,
      idempotent: true,
      responses: {
        201: { description: 'The workspace', schema: Workspace },
        409: { ...E409, description: 'A workspace of that name exists (on the name)' },
      },
      handler: ({ var: { store, org, body } }) => reply(201, Workspace, createWorkspace(store, org, body.name)),
    }),
  ],
);
