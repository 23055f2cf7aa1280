/**
 * How a publish re-splits traffic (seed 000 "Traffic Splitting"; CONTRACT §3):
 * the new version takes `percent`; the versions already serving share the rest
 * in proportion to what they had (whole numbers, largest remainder first).
 * Versions left with 0 stop serving; the first
 * publish takes all traffic. The mock applies it; the console's publish
 * dialog previews with it exactly what the platform will do.
 */
export function splitAfterPublish<T extends { id: string; percent: number }>(
  serving: T[],
  newVersionId: string,
  percent: number,
): { id: string; percent: number }[] {
  // The first version to publish serves everything, whatever was asked.
  if (serving.length === 0) return [{ id: newVersionId, percent: 100 }];
  const rest = 100 - percent;
  const total = serving.reduce((a, v) => a + v.percent, 0);
  const exact = serving.map((v) => ({ id: v.id, raw: total === 0 ? 0 : (v.percent * rest) / total }));
  const floored = exact.map((v) => ({ id: v.id, percent: Math.floor(v.raw), remainder: v.raw - Math.floor(v.raw) }));
  let left = rest - floored.reduce((a, v) => a + v.percent, 0);
  for (const v of [...floored].sort((a, b) => b.remainder - a.remainder)) {
    if (left <= 0) break;
    v.percent += 1;
    left -= 1;
  }
  return [{ id: newVersionId, percent }, ...floored.map(({ id, percent: p }) => ({ id, percent: p }))];
}

/** A version that serves traffic: the active one, or one draining after a newer publish. */
export type ServingVersion = { id: string; version: number; status: 'active' | 'draining' };

/**
 * Who becomes active on a rollback: of the candidates, the one with the most
 * traffic, the newest on a tie. The platform applies it to a split that gives
 * the active version 0 (`statusesAfterTrafficChange`); the console's Roll back
 * gives that version everything (`rollbackPlan`).
 */
export function successor<T extends { id: string; version: number }>(candidates: readonly T[], percentOf: (v: T) => number): T | undefined {
  return [...candidates].sort((a, b) => percentOf(b) - percentOf(a) || b.version - a.version)[0];
}

/**
 * How a traffic change settles the serving versions (CONTRACT §3, the
 * `PUT …/traffic` extension): each takes its new share; one given 0 is
 * archived for good; the active version stays active unless it is given 0,
 * and then the `successor` among those given traffic takes over. The others drain. The mock applies it;
 * the console's `describeSplit` says with it what a change will do.
 */
export function statusesAfterTrafficChange<T extends Pick<ServingVersion, 'id' | 'version'> & { status: string }>(
  serving: readonly T[],
  percentOf: (versionId: string) => number,
): { id: string; percent: number; status: 'active' | 'draining' | 'archived' }[] {
  const active = serving.find((v) => v.status === 'active');
  const settled =
    active && percentOf(active.id) > 0
      ? active
      : successor(
          serving.filter((v) => percentOf(v.id) > 0),
          (v) => percentOf(v.id),
        );
  return serving.map((v) => {
    const percent = percentOf(v.id);
    return { id: v.id, percent, status: percent === 0 ? 'archived' : v.id === settled?.id ? 'active' : 'draining' };
  });
}

/** A serving version as the console reads it (its status may be one this console does not know). */
type Serving = { id: string; version: number; status: string; traffic_percent: number };

export type TrafficPlan<V extends Serving = Serving> = {
  /** Every serving version with its new share, as the platform expects. */
  allocations: { version_id: string; percent: number }[];
  /** The version that ends up with all the traffic. */
  winner: V;
  /** Versions set to 0: archived for good. */
  archived: V[];
};

export type PlanResult<V extends Serving = Serving> = { plan: TrafficPlan<V>; reason: null } | { plan: null; reason: string };

const byVersion = (a: Serving, b: Serving) => a.version - b.version;

function allTo<V extends Serving>(serving: V[], winner: V): TrafficPlan<V> {
  return {
    allocations: serving.map((v) => ({ version_id: v.id, percent: v.id === winner.id ? 100 : 0 })),
    winner,
    archived: serving.filter((v) => v.id !== winner.id).sort(byVersion),
  };
}

/** Promote: the active (canary) version takes 100%; every other serving version is archived. */
export function promotePlan<V extends Serving>(serving: V[]): PlanResult<V> {
  if (serving.length === 0) return { plan: null, reason: 'Nothing is published yet.' };
  const active = serving.find((v) => v.status === 'active');
  if (!active) return { plan: null, reason: 'No version is active, so there is nothing to promote.' };
  if (serving.length === 1)
    return { plan: null, reason: `v${active.version} already receives all traffic; there is no other version to replace.` };
  return { plan: allTo(serving, active), reason: null };
}

/**
 * Roll back: the active version goes to 0 and the busiest draining version
 * (the `successor` of the draining versions, one draining out with 0% too,
 * which then serves again) takes 100%; the rest are archived.
 */
export function rollbackPlan<V extends Serving>(serving: V[]): PlanResult<V> {
  if (serving.length === 0) return { plan: null, reason: 'Nothing is published yet.' };
  const draining = serving.filter((v) => v.status === 'draining');
  const previous = successor(draining, (v) => v.traffic_percent);
  if (!previous) return { plan: null, reason: 'Only one version serves traffic; there is no previous version to roll back to.' };
  return { plan: allTo(serving, previous), reason: null };
}

/**
 * What a manual split would do: which versions it archives and, when the
 * active version goes to 0, which version the platform makes active instead
 * (`statusesAfterTrafficChange`, the rule the platform applies).
 */
export function describeSplit<V extends Serving>(serving: V[], percents: Record<string, number>) {
  const sum = serving.reduce((total, v) => total + (percents[v.id] ?? 0), 0);
  const archived = serving.filter((v) => percents[v.id] === 0).sort(byVersion);
  const active = serving.find((v) => v.status === 'active');
  const settled = statusesAfterTrafficChange(serving, (id) => percents[id] ?? 0).find((s) => s.status === 'active');
  const newActive = active && settled && settled.id !== active.id ? (serving.find((v) => v.id === settled.id) ?? null) : null;
  const changed = serving.some((v) => percents[v.id] !== v.traffic_percent);
  return { sum, archived, newActive, changed };
}

/** "v1 and v3" */
export function versionList(versions: Pick<Serving, 'version'>[]): string {
  const names = versions.map((v) => `v${v.version}`);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** A split in words, as the activity records it and the console shows it: "v2 80% · v1 20%". */
export const splitWords = (split: readonly Pick<RecordedShare, 'version' | 'percent'>[]) =>
  split.map((s) => `v${s.version} ${s.percent}%`).join(' · ');

/** One version's share in a split recorded by the platform's activity (`SplitShare`). */
export type RecordedShare = { version_id: string; version: number; percent: number };

export type RestoreResult<V extends Serving = Serving> =
  | { kind: 'restorable'; allocations: TrafficPlan['allocations']; archived: V[]; newActive: V | null }
  | { kind: 'current' }
  | { kind: 'unavailable'; reason: string };

/**
 * Restore a split from the history: each version of it gets its share back;
 * any serving version not in it goes to 0 (archived). Possible only while
 * every version of it still serves (an archived version never serves again).
 */
export function restorePlan<V extends Serving>(serving: V[], split: readonly RecordedShare[]): RestoreResult<V> {
  if (split.length === 0) return { kind: 'unavailable', reason: 'No split was recorded with this change.' };
  const gone = split.filter((s) => !serving.some((v) => v.id === s.version_id)).sort((a, b) => a.version - b.version);
  if (gone.length)
    return { kind: 'unavailable', reason: `${versionList(gone)} ${gone.length > 1 ? 'no longer serve' : 'no longer serves'} traffic.` };
  const percents: Record<string, number> = Object.fromEntries(
    serving.map((v) => [v.id, split.find((s) => s.version_id === v.id)?.percent ?? 0]),
  );
  const { archived, newActive, changed } = describeSplit(serving, percents);
  if (!changed) return { kind: 'current' };
  return { kind: 'restorable', allocations: serving.map((v) => ({ version_id: v.id, percent: percents[v.id]! })), archived, newActive };
}

/**
 * A version as it reads at time `now` (ms): one that a publish left
 * `draining` with 0% of the traffic is `archived` once its drain period has
 * ended (seed 000: "Draining → Archived: traffic drained"; CONTRACT §3). The
 * change is computed from the time, not made by a timer, so it holds across
 * restarts and is the same for every reader.
 */
export function versionAt<T extends { status: string; traffic_percent: number; drain_ends_at?: string | null | undefined }>(
  v: T,
  now: number,
): T {
  if (v.status !== 'draining' || v.traffic_percent !== 0 || !v.drain_ends_at || Date.parse(v.drain_ends_at) > now) return v;
  return { ...v, status: 'archived' };
}
