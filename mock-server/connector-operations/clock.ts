/**
 * The time this domain reads — when a job was submitted, when it runs, when
 * DDL ran — in one place, so that it moves with the platform's one clock
 * when there is one (swap `Date.now()` here for it). Tests move it by
 * mocking `Date.now`, as the jobs tests do.
 */
export const now = (): number => Date.now();
export const isoAt = (ms: number): string => new Date(ms).toISOString();
