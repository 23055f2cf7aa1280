/**
 * The seeds, composed from each domain's part (`seed` in its domain.ts), in
 * the order the root lists the domains: `demo` (fixed IDs that docs and tests
 * rely on, seed-ids.ts), `empty` (organization, workspaces, rings, users and
 * their API keys; no services) and `large` (demo plus N generated services,
 * for the bench). A domain's part may read what the domains before it seeded
 * (`SeedContext.records`).
 */
import type { MockDomain, SeedContext } from './domain';
import type { SeedName } from './seed-ids';
import { iso } from './time';
import type { CollectionName, StateRecords } from './store';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface SeedOptions {
  seed: SeedName;
  /** Extra services for `large`. */
  extraServices?: number;
  /** The platform's clock, now: the seed's times are relative to it. */
  now: number;
}

/** A domain's part of the seeds but `empty`, which has no services and nothing that hangs off them (nor agents). */
export const unlessEmpty =
  (part: (seed: SeedContext) => StateRecords) =>
  (seed: SeedContext): StateRecords =>
    seed.name === 'empty' ? {} : part(seed);

export function buildSeed(domains: readonly MockDomain[], opts: SeedOptions): StateRecords {
  const { now } = opts;
  // The seed's clock: midnight UTC today, so times read as "n days ago".
  const base = Math.floor(now / DAY) * DAY;
  const agoMs = (days: number, hours = 0) => base - days * DAY - hours * HOUR;
  /** Which domain registers each collection, by its place in the list. */
  const ownerAt = new Map<string, number>();
  domains.forEach((d, i) => {
    for (const name of Object.keys(d.collections ?? {})) ownerAt.set(name, i);
  });

  const seeded: Record<string, unknown[]> = {};
  domains.forEach((domain, i) => {
    if (!domain.seed) return;
    const context: SeedContext = {
      name: opts.seed,
      now,
      base,
      agoMs,
      ago: (days, hours) => iso(agoMs(days, hours)),
      extraServices: opts.extraServices ?? 10_000,
      records: <K extends CollectionName>(name: K) => {
        const owner = ownerAt.get(name);
        if (owner === undefined || owner > i) {
          throw new Error(
            `The ${domain.name} seed reads ${name}, which ${owner === undefined ? 'no domain registers' : `the ${domains[owner]!.name} domain seeds after it: list ${domains[owner]!.name} before ${domain.name}`}`,
          );
        }
        return (seeded[name] ??= []) as never;
      },
    };
    for (const [name, records] of Object.entries(domain.seed(context))) (seeded[name] ??= []).push(...(records as unknown[]));
  });
  return seeded as StateRecords;
}
