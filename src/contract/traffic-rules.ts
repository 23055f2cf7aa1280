/**
 * How a publish re-splits traffic (seed 000 "Traffic Splitting"; CONTRACT §3):
 * the new version takes `percent`; the versions already serving share the rest
 * in proportion to what they had (whole numbers, largest remainder first).
 * Versions left with 0 stop serving; the first
 * publish takes all traffic. Pure, so the console can preview exactly
 * what the platform will do.
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
 * How a traffic change settles the serving versions (CONTRACT §3, the
 * `PUT …/traffic` extension): each takes its new share; one given 0 is
 * archived for good; the active version stays active unless it is given 0,
 * and then the remaining version with the most traffic (the newest on a tie)
 * becomes active — a rollback, or the promotion of a canary set to 100. The
 * others drain. Pure, so the console can say what a change will do.
 */
export function statusesAfterTrafficChange<T extends ServingVersion>(
  serving: readonly T[],
  percentOf: (versionId: string) => number,
): { id: string; percent: number; status: 'active' | 'draining' | 'archived' }[] {
  const active = serving.find((v) => v.status === 'active');
  let nextActive = active;
  if (!active || percentOf(active.id) === 0) {
    nextActive = serving.filter((v) => percentOf(v.id) > 0).sort((a, b) => percentOf(b.id) - percentOf(a.id) || b.version - a.version)[0];
  }
  return serving.map((v) => {
    const percent = percentOf(v.id);
    return { id: v.id, percent, status: percent === 0 ? 'archived' : v.id === nextActive?.id ? 'active' : 'draining' };
  });
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
