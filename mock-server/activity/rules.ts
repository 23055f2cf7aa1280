/**
 * A service's activity (our extension): who did what to it, and when. The
 * routes that change a service record an entry in the same unit of work as the
 * change, so an entry exists exactly when the change does (an idempotent
 * repeat replays the first answer and records nothing).
 *
 * **[decision]** A deploy's outcome is known when it starts (deployments/rules.ts
 * plans every event with its time), so its `deployment.finished` or
 * `deployment.failed` entry is recorded then, with the time it will happen,
 * and listed once that time has come. Nothing runs later to write it, so the
 * timeline is the same for every reader and right after a restart.
 */
import { randomUUID } from 'node:crypto';
import type { ActivityEntry, ActivityKind, SplitShare } from '../../src/contract/activity';
import { servingVersions } from '../../src/contract/versions-rules';
import type { ActivityRecord } from './records';
import type { UserRecord } from '../auth/records';
import type { Store } from '../core/store';

export type Actor = Pick<UserRecord, 'id' | 'email'> | null;

export interface NewActivity {
  kind: ActivityKind;
  summary: string;
  /** Default: now. A later time is an outcome planned for then. */
  at?: string;
  version?: number | null;
  split?: SplitShare[] | null;
  fields?: string[] | null;
  deployment_id?: string | null;
  jti?: string | null;
  /** A rollout's entry (rollouts/rules.ts). */
  rollout_id?: string;
}

/** Record an entry for a service. */
export function record(store: Store, serviceId: string, actor: Actor, entry: NewActivity): ActivityRecord {
  return store.activity.put({
    id: randomUUID(),
    service_id: serviceId,
    kind: entry.kind,
    at: entry.at ?? store.clock.iso(),
    actor: actor ? { id: actor.id, email: actor.email } : null,
    summary: entry.summary,
    version: entry.version ?? null,
    split: entry.split ?? null,
    fields: entry.fields ?? null,
    deployment_id: entry.deployment_id ?? null,
    jti: entry.jti ?? null,
    // Only a rollout's entries have one (an optional field: the others stay as they were).
    ...(entry.rollout_id === undefined ? {} : { rollout_id: entry.rollout_id }),
  });
}

/** The split the service's versions serve now: the versions with traffic, busiest first (then newest). */
export function currentSplit(store: Store, serviceId: string): SplitShare[] {
  return servingVersions(store.versionsOf(serviceId))
    .filter((v) => v.traffic_percent > 0)
    .map((v) => ({ version_id: v.id, version: v.version, percent: v.traffic_percent }));
}

/** The words of a split, as the console says them too (the seed's entries use them). */
export { splitWords } from '../../src/contract/traffic-rules';

/**
 * The service's entries whose time has come, newest first (entries of the
 * same moment: the last recorded first), optionally of some kinds only.
 */
export function activityOf(store: Store, serviceId: string, kinds?: readonly string[], now = store.clock.now()): ActivityEntry[] {
  const all = store.activity.in('service', serviceId);
  const out: ActivityEntry[] = [];
  for (let i = all.length - 1; i >= 0; i--) {
    const a = all[i]!;
    if (Date.parse(a.at) > now) continue;
    if (kinds && kinds.length && !kinds.includes(a.kind)) continue;
    out.push(a);
  }
  // Stable: entries of one moment keep the last-recorded-first order above.
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
