/** Deployment rings (CONTRACT §6): a workspace's promotion path, managed by admins. */
import * as rings from '../../src/contract/rings';
import { belongsTo, defineDomain } from '../core/domain';
import { byId } from '../core/store';
import type { RingRecord } from './records';
import { ringsApi } from './routes';
import { demoRings } from './seed';

declare module '../core/store' {
  interface Collections {
    rings: Collection<RingRecord, 'workspace'>;
  }
  interface StoreQueries {
    /** A workspace's rings by position, then name. */
    ringsOf(workspaceId: string): RingRecord[];
  }
}
declare module '../core/context' {
  interface ScopeParams {
    ring_id: { var: 'ring'; value: RingRecord };
  }
}

export const ringsDomain = defineDomain({
  name: 'rings',
  apis: [ringsApi],
  collections: {
    rings: byId('rings', { workspace: (r) => r.workspace_id }),
  },
  queries: (store) => ({
    ringsOf: (workspaceId) =>
      store.rings.in('workspace', workspaceId).sort((a, b) => a.position - b.position || a.name.localeCompare(b.name)),
  }),
  seed: (seed) => ({ rings: demoRings(seed.records('workspaces')) }),
  scope: {
    ring_id: { var: 'ring', thing: 'Ring', find: belongsTo('rings', { workspace_id: 'workspace' }) },
  },
  openapi: { schemas: [rings] },
});
