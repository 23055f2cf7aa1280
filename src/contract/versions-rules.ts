/**
 * What a version's status means for its traffic (seed 000 "Version Lifecycle";
 * CONTRACT §3), decided once for the console and the mock alike.
 */

/** The least a rule needs of a version: the platform's reading and the mock's record both have it. */
type Row = { status: string; traffic_percent: number };

/** A version serves traffic while it is active, or draining after a newer publish (a pinned call still reaches it). */
export const isServing = (v: { status: string }): boolean => v.status === 'active' || v.status === 'draining';

/** Published: every version but the draft, archived ones included (their API description and stubs can still be read). */
export const isPublished = (v: { status: string }): boolean => v.status !== 'draft';

/** Draining with no traffic left: archived once its drain period ends (`versionAt` in traffic-rules.ts). */
export const isDrainingOut = (v: Row): boolean => v.status === 'draining' && v.traffic_percent === 0;

/** Busiest first, then the newest: how the console lists serving versions and the mock splits and records them. */
export const busiestFirst = (a: Row & { version: number }, b: Row & { version: number }): number =>
  b.traffic_percent - a.traffic_percent || b.version - a.version;

/** The versions that serve traffic, busiest first (then the newest). */
export function servingVersions<T extends Row & { version: number }>(versions: readonly T[]): T[] {
  return versions.filter(isServing).sort(busiestFirst);
}
