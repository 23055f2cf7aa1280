import { randomUUID } from 'node:crypto';

/**
 * The identity every record a workspace owns starts with (a service, a ring,
 * a connector instance): a fresh id, and the organization and workspace it
 * belongs to, which the scope checks (scope.ts) compare with the path's.
 */
export function newInWorkspace(workspace: { id: string; org_id: string }) {
  return { id: randomUUID(), org_id: workspace.org_id, workspace_id: workspace.id };
}
