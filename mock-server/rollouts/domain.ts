/**
 * Progressive rollouts (CONTRACT §13, our extension): a rollout moves a
 * service's traffic to a version in steps and checks its health between them,
 * advancing, pausing or aborting by itself (rules.ts). Its state is stored
 * (records.ts), moved on from the clock and the request records on every read
 * and by a driver every second (`start`), and survives a restart.
 */
import * as rollouts from '../../src/contract/rollouts';
import { belongsTo, defineDomain } from '../core/domain';
import { perService } from '../services/collections';
import { RolloutTallies } from './measure';
import type { RolloutRecord } from './records';
import { rolloutsApi } from './routes';
import { isUnfinished, startRolloutDriver } from './rules';

declare module '../core/store' {
  interface Collections {
    /** Per service, in the order started; `unfinished`: the running and paused ones (the driver's round). */
    rollouts: Collection<RolloutRecord, 'service' | 'unfinished'>;
  }
  interface StoreQueries {
    /** The canaries' step tallies between evaluations (measure.ts). */
    rolloutTallies: RolloutTallies;
  }
}
declare module '../core/context' {
  interface ScopeParams {
    rollout_id: { var: 'rollout'; value: RolloutRecord };
  }
}

export const rolloutsDomain = defineDomain({
  name: 'rollouts',
  apis: [rolloutsApi],
  collections: {
    rollouts: perService('rollouts', (r) => r.id, { unfinished: (r) => (isUnfinished(r) ? 'unfinished' : null) }),
  },
  queries: (store) => {
    const tallies = new RolloutTallies(store);
    store.onClear(() => tallies.clear());
    // A rollout deleted with its service leaves no tally behind.
    store.rollouts.watch((before, after) => {
      if (before && !after) tallies.drop(before.id);
    });
    return { rolloutTallies: tallies };
  },
  scope: {
    rollout_id: { var: 'rollout', thing: 'Rollout', find: belongsTo('rollouts', { service_id: 'service' }) },
  },
  start: ({ store, settings }) => startRolloutDriver(store, settings.drainMs),
  openapi: { schemas: [rollouts] },
});
