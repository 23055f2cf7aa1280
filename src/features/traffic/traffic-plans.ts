import type { ServiceVersionRead } from '@/contract/versions';

type Serving = Pick<ServiceVersionRead, 'id' | 'version' | 'status' | 'traffic_percent'>;

export type TrafficPlan = {
  /** Every serving version with its new share, as the platform expects. */
  allocations: { version_id: string; percent: number }[];
  /** The version that ends up with all the traffic. */
  winner: Serving;
  /** Versions set to 0: archived for good. */
  archived: Serving[];
};

export type PlanResult = { plan: TrafficPlan; reason: null } | { plan: null; reason: string };

const byVersion = (a: Serving, b: Serving) => a.version - b.version;

function allTo(serving: Serving[], winner: Serving): TrafficPlan {
  return {
    allocations: serving.map((v) => ({ version_id: v.id, percent: v.id === winner.id ? 100 : 0 })),
    winner,
    archived: serving.filter((v) => v.id !== winner.id).sort(byVersion),
  };
}

/** Promote: the active (canary) version takes 100%; every other serving version is archived. */
export function promotePlan(serving: Serving[]): PlanResult {
  if (serving.length === 0) return { plan: null, reason: 'Nothing is published yet.' };
  const active = serving.find((v) => v.status === 'active');
  if (!active) return { plan: null, reason: 'No version is active, so there is nothing to promote.' };
  if (serving.length === 1)
    return { plan: null, reason: `v${active.version} already receives all traffic; there is no other version to replace.` };
  return { plan: allTo(serving, active), reason: null };
}

/** Roll back: the active version goes to 0 and the busiest draining version takes 100%; the rest are archived. */
export function rollbackPlan(serving: Serving[]): PlanResult {
  if (serving.length === 0) return { plan: null, reason: 'Nothing is published yet.' };
  const previous = serving
    .filter((v) => v.status === 'draining')
    .sort((a, b) => b.traffic_percent - a.traffic_percent || b.version - a.version)[0];
  if (!previous) return { plan: null, reason: 'Only one version serves traffic; there is no previous version to roll back to.' };
  return { plan: allTo(serving, previous), reason: null };
}

/**
 * What a manual split would do: which versions it archives and, when the
 * active version goes to 0, which version the platform makes active instead.
 */
export function describeSplit(serving: Serving[], percents: Record<string, number>) {
  const sum = serving.reduce((total, v) => total + (percents[v.id] ?? 0), 0);
  const archived = serving.filter((v) => percents[v.id] === 0).sort(byVersion);
  const active = serving.find((v) => v.status === 'active');
  const newActive =
    active && percents[active.id] === 0
      ? (serving
          .filter((v) => v.id !== active.id && (percents[v.id] ?? 0) > 0)
          .sort((a, b) => (percents[b.id] ?? 0) - (percents[a.id] ?? 0) || b.version - a.version)[0] ?? null)
      : null;
  const changed = serving.some((v) => percents[v.id] !== v.traffic_percent);
  return { sum, archived, newActive, changed };
}

/** "v1 and v3" */
export function versionList(versions: Pick<Serving, 'version'>[]): string {
  const names = versions.map((v) => `v${v.version}`);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** One version's share in a split recorded by the platform's activity. */
export type RecordedShare = { version_id: string; version: number; percent: number };

export type RestoreResult =
  | { kind: 'restorable'; allocations: TrafficPlan['allocations']; archived: Serving[]; newActive: Serving | null }
  | { kind: 'current' }
  | { kind: 'unavailable'; reason: string };

/**
 * Restore a split from the history: each version of it gets its share back;
 * any serving version not in it goes to 0 (archived). Possible only while
 * every version of it still serves (an archived version never serves again).
 */
export function restorePlan(serving: Serving[], split: readonly RecordedShare[]): RestoreResult {
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
