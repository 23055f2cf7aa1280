/** The demo organization, Acme Corp, and its workspaces Production and Research. */
import type { OrganizationRecord, WorkspaceRecord } from './records';
import { IDS } from '../core/seed-ids';

export function demoOrganization(ago: (days: number) => string): { organizations: OrganizationRecord[]; workspaces: WorkspaceRecord[] } {
  return {
    organizations: [{ id: IDS.org, name: 'Acme Corp', slug: 'acme-corp', created_at: ago(120) }],
    workspaces: [
      { id: IDS.production, org_id: IDS.org, name: 'Production', slug: 'production', created_at: ago(119) },
      { id: IDS.research, org_id: IDS.org, name: 'Research', slug: 'research', created_at: ago(90) },
    ],
  };
}
