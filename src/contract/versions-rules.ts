/**
 * What a version's status means for its traffic (seed 000 "Version Lifecycle";
 * CONTRACT §3), decided once for the console and the mock alike.
 */

/**
 * The least a rule needs of a version: the platform's reading and the mock's
 * record both have it. Traffic is null where the platform did not say
 * (`traffic_percent` is our decision) and could not be inferred.
 */
type Row = { status: string; traffic_percent: number | null };

/** A version whose traffic is known. */
export type KnownTraffic<T extends Row> = T & { traffic_percent: number };

/** Whether the platform said every given version's traffic: only then can a split be computed on (promote, roll back, edit, preview a publish). */
export const knowsTraffic = <T extends Row>(versions: T[]): versions is KnownTraffic<T>[] =>
  versions.every((v) => v.traffic_percent !== null);

/** A version's share in words: "40%", or that the platform did not say. */
export const trafficText = (percent: number | null): string => (percent === null ? 'traffic not given' : `${percent}%`);

/** A version serves traffic while it is active, or draining after a newer publish (a pinned call still reaches it). */
export const isServing = (v: { status: string }): boolean => v.status === 'active' || v.status === 'draining';

/** Published: every version but the draft, archived ones included (their API description and stubs can still be read). */
export const isPublished = (v: { status: string }): boolean => v.status !== 'draft';

/** Draining with no traffic left: archived once its drain period ends (`versionAt` in traffic-rules.ts). */
export const isDrainingOut = (v: Row): boolean => v.status === 'draining' && v.traffic_percent === 0;

/** Busiest first (traffic not given last), then the newest: how the console lists serving versions and the mock splits and records them. */
export const busiestFirst = (a: Row & { version: number }, b: Row & { version: number }): number =>
  (b.traffic_percent ?? -1) - (a.traffic_percent ?? -1) || b.version - a.version;

/** The versions that serve traffic, busiest first (then the newest). */
export function servingVersions<T extends Row & { version: number }>(versions: readonly T[]): T[] {
  return versions.filter(isServing).sort(busiestFirst);
}

/**
 * What the lifecycle tells of a version's traffic where the platform did not
 * say (CONTRACT §3): a draft and an archived version serve none; a lone serving
 * version serves all; the one serving version left unsaid takes what the
 * others leave of 100. Where two serving versions are unsaid, theirs stays unknown.
 * Read over every version of a service (one page may not hold every serving version).
 */
export function inferTraffic<T extends Row>(versions: T[]): T[] {
  const filled = versions.map((v) =>
    v.traffic_percent === null && (v.status === 'draft' || v.status === 'archived') ? { ...v, traffic_percent: 0 } : v,
  );
  const serving = filled.filter(isServing);
  const unsaid = serving.filter((v) => v.traffic_percent === null);
  if (unsaid.length !== 1) return filled;
  const rest = 100 - serving.reduce((sum, v) => sum + (v.traffic_percent ?? 0), 0);
  if (rest < 0) return filled;
  return filled.map((v) => (v === unsaid[0] ? { ...v, traffic_percent: rest } : v));
}
