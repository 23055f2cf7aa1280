/** Persistent deployments (CONTRACT §4): builds, deploys and teardowns, each planned in full and read against the clock (rules.ts). */
import * as deployments from '../../src/contract/deployments';
import { defineDomain } from '../core/domain';
import { unlessEmpty } from '../core/seed';
import { perService } from '../services/collections';
import { demoId } from '../core/seed-ids';
import type { DeploymentRecord } from './records';
import { deploymentsApi } from './routes';
import { DEFAULT_DEPLOY_PHASE_MS } from './rules';
import { demoDeployments } from './seed';

declare module '../core/store' {
  interface Collections {
    /** Builds, deploys and teardowns; per service, oldest first. */
    deployments: Collection<DeploymentRecord, 'service'>;
  }
}
declare module '../core/context' {
  interface Settings {
    /** Length of each deployment phase (building, built, deploying), ms (default 2500; `MOCK_DEPLOY_PHASE_MS`). */
    deployPhaseMs: number;
  }
}

export const deploymentsDomain = defineDomain({
  name: 'deployments',
  apis: [deploymentsApi],
  collections: {
    deployments: perService('deployments', (d) => d.id),
  },
  seed: unlessEmpty((seed) => ({
    deployments: demoDeployments({
      services: seed.records('services'),
      versions: seed.records('versions'),
      users: seed.records('users'),
      ago: seed.agoMs,
      now: seed.now,
      id: (k) => demoId(8001 + k),
    }),
  })),
  settings: { deployPhaseMs: DEFAULT_DEPLOY_PHASE_MS },
  openapi: { schemas: [deployments] },
});
