import type { Rollout } from '../../src/contract/rollouts';

/**
 * A rollout as stored: the contract's shape, its events with it (a few per
 * step). What moves it on is computed from the clock and the request records
 * whenever it is read or the driver runs (rules.ts), and written back here, so
 * a restart finds it where the last decision left it and replays the rest.
 */
export type RolloutRecord = Rollout;
