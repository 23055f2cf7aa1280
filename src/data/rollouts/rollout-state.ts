/**
 * Where a rollout stands, as the pages read it — with no value from the
 * contract's module (only its types), so the services list's first load does
 * not download the rollouts schemas.
 */
import type { RolloutEventRead, RolloutRead } from '@/contract/rollouts';
import { serverNow } from '@/lib/server-clock';

/** Running or paused: it moves the split by itself, and a change by hand waits (409). */
export const isUnfinished = (r: Pick<RolloutRead, 'status'>): boolean => r.status === 'running' || r.status === 'paused';

/** A finished rollout is worth showing for a day: what just happened to the split. */
export const RECENT_MS = 24 * 3600 * 1000;

/** Unfinished, or finished within the last day. */
export const isRecent = (r: Pick<RolloutRead, 'status' | 'finished_at' | 'created_at'>, now = serverNow()): boolean =>
  isUnfinished(r) || now - Date.parse(r.finished_at ?? r.created_at) <= RECENT_MS;

/** The decision that paused it, when it is paused: the analysis's (`inconclusive`), or a person's (`paused`). */
export function pausedBy(r: Pick<RolloutRead, 'status' | 'events'>): RolloutEventRead | null {
  if (r.status !== 'paused') return null;
  return r.events.findLast((e) => e.kind === 'paused' || e.kind === 'inconclusive') ?? null;
}

/** Paused by its analysis: too few requests over a step to decide (CONTRACT §13) — a person must. */
export const isInconclusive = (r: Pick<RolloutRead, 'status' | 'events'>): boolean => pausedBy(r)?.kind === 'inconclusive';

/** The event that finished it that way, when it has. */
export const finishedBy = (r: Pick<RolloutRead, 'events'>, kind: 'aborted' | 'succeeded') =>
  r.events.findLast((e) => e.kind === kind) ?? null;
