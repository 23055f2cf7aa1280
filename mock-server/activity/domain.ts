/** A service's activity (our extension): who did what to it, and when, recorded by the domains that change it (rules.ts `record`). */
import * as activity from '../../src/contract/activity';
import { defineDomain } from '../core/domain';
import { unlessEmpty } from '../core/seed';
import { perService } from '../services/collections';
import { demoId } from '../core/seed-ids';
import { isGeneratedService } from '../services/seed';
import type { ActivityRecord } from './records';
import { activityApi } from './routes';
import { demoActivity } from './seed';

declare module '../core/store' {
  interface Collections {
    /** Per service, in the order recorded. */
    activity: Collection<ActivityRecord, 'service'>;
  }
}

export const activityDomain = defineDomain({
  name: 'activity',
  apis: [activityApi],
  collections: {
    activity: perService('activity', (a) => a.id),
  },
  // The demo services' story so far (not the `large` seed's generated ones).
  seed: unlessEmpty((seed) => ({
    activity: demoActivity({
      services: seed.records('services').filter((s) => !isGeneratedService(s.id)),
      versions: seed.records('versions'),
      deployments: seed.records('deployments'),
      credentials: seed.records('cloudCredentials'),
      users: seed.records('users'),
      id: (k) => demoId(20_001 + k),
    }),
  })),
  openapi: { schemas: [activity] },
});
