/** Rings dev, staging and prod in each demo workspace. */
import type { WorkspaceRecord } from '../organizations/records';
import type { RingRecord } from './records';
import { IDS } from '../core/seed-ids';

const DESCRIPTIONS = {
  dev: 'Development: every merge lands here first',
  staging: 'Staging: release candidates, production-like data',
  prod: 'Production: customer-facing traffic',
} as const;

export function demoRings(workspaces: WorkspaceRecord[]): RingRecord[] {
  return workspaces.flatMap((ws) => {
    const ids = ws.id === IDS.production ? IDS.rings.production : IDS.rings.research;
    return (['dev', 'staging', 'prod'] as const).map((name, position) => ({
      id: ids[name],
      org_id: ws.org_id,
      workspace_id: ws.id,
      name,
      description: DESCRIPTIONS[name],
      position,
      created_at: ws.created_at,
      updated_at: ws.created_at,
    }));
  });
}
