/** Renaming the organization and adding workspaces (seed 001): admins only. */
import { randomUUID } from 'node:crypto';
import { slugify } from '../../src/contract/services';
import { conflict } from '../core/errors';
import type { OrganizationRecord, WorkspaceRecord } from './records';
import type { Store } from '../core/store';
import { iso } from '../core/time';

export const workspacesOf = (store: Store, orgId: string) => [...store.workspaces.values()].filter((w) => w.org_id === orgId);

/** The organization renamed; its slug (and so every link to it) stays. */
export function renameOrganization(store: Store, org: OrganizationRecord, name: string): OrganizationRecord {
  return org.name === name ? org : store.organizations.put({ ...org, name });
}

/**
 * A new workspace **[decision]**: names are unique in the organization (a
 * duplicate is a 409 on the name, ignoring case), the slug is made from the
 * name (with `-2`, `-3`… when taken). It starts empty: no rings, no services.
 */
export function createWorkspace(store: Store, org: OrganizationRecord, name: string): WorkspaceRecord {
  const siblings = workspacesOf(store, org.id);
  const taken = siblings.find((w) => w.name.toLowerCase() === name.toLowerCase());
  if (taken)
    throw conflict([
      { loc: ['body', 'name'], msg: `A workspace named '${taken.name}' already exists in this organization`, type: 'conflict' },
    ]);
  const base = slugify(name) || 'workspace';
  const slugs = new Set(siblings.map((w) => w.slug));
  let slug = base;
  for (let n = 2; slugs.has(slug); n++) slug = `${base.slice(0, 60)}-${n}`;
  return store.workspaces.put({ id: randomUUID(), org_id: org.id, name, slug, created_at: iso(store.clock.now()) });
}
