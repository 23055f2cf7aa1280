/**
 * What a domain adds to the mock, as one typed object: each domain folder
 * exports one from its `domain.ts` (`export const jobsDomain = defineDomain({…})`)
 * and the composition root (mock-server/platform.ts) lists them. Core reads
 * these objects and never imports a domain (lint: eslint.config.js).
 *
 * The types a domain adds to core's — its collections and store queries
 * (store.ts), its settings and scope parameters (context.ts) — it declares by
 * module augmentation in the same domain.ts, beside the object that provides
 * them; the root checks at compile time that every declaration is provided
 * by a domain it lists.
 */
import type { Hono } from 'hono';
import type { Clock } from './clock';
import type { AuthHooks, MockEnv, ParamDoc, ScopeResolvers, ScopeVars, Settings } from './context';
import type { DomainApi } from './operations';
import type { OwnTables } from './persistence';
import type { SeedName } from './seed-ids';
import type { Collection, CollectionName, CollectionSpecs, RecordOf, StateRecords, Store, StoreQueries } from './store';

/** A contract module (`import * as jobs from '../../src/contract/invoke'`): its exported zod schemas name the OpenAPI components. */
export type ContractModule = Readonly<Record<string, unknown>>;

/** What a domain's seed is given (seed.ts): which seed, the seed's clock, and what the domains listed before it seeded. */
export interface SeedContext {
  readonly name: SeedName;
  /** The platform's clock, now. */
  readonly now: number;
  /** Midnight UTC today, on the platform's clock: the seed's times read as "n days ago" and do not move within a day. */
  readonly base: number;
  /** `base` minus `days` (and `hours`), as the contract writes times. */
  ago(days: number, hours?: number): string;
  /** The same, in milliseconds. */
  agoMs(days: number, hours?: number): number;
  /** How many services the `large` seed generates (`MOCK_SEED_SERVICES`). */
  readonly extraServices: number;
  /**
   * The records the domains listed before this one seeded into a collection
   * (not stored yet: a seed may still change them). Reading a collection of a
   * domain listed after this one is an error: list that one first.
   */
  records<K extends CollectionName>(name: K): RecordOf<K>[];
}

/** What a domain's `afterSeed` is given: the store just seeded, and the settings in force. */
export interface SeededContext {
  readonly store: Store;
  readonly settings: Readonly<Settings>;
  readonly name: SeedName;
}

/** What a domain's `start` is given: the platform as served, to act on it as a client would (`app.fetch`). */
export interface StartContext {
  readonly app: Hono<MockEnv>;
  readonly store: Store;
  readonly clock: Clock;
  readonly settings: Readonly<Settings>;
}

/** Something a domain keeps running in the background (a timer): stopped when the platform closes, before the database. */
export interface Running {
  stop(): void;
}

export interface MockDomain {
  /** Its folder's name: in the errors the registry gives. */
  readonly name: string;
  /** Its operations, as Hono sub-apps (`domainApi()`), mounted in the order the root lists the domains. */
  readonly apis?: readonly DomainApi[];
  /** The collections it keeps (store.ts), by their name on the store; each has its own table. */
  readonly collections?: CollectionSpecs;
  /** Queries and indexes it adds to the store (`store.versionsOf(id)`), made once every collection is registered. */
  readonly queries?: (store: Store) => Partial<StoreQueries>;
  /** Its part of each seed: records of its collections (or of another domain's, e.g. a service's versions), in the root's order. */
  readonly seed?: (seed: SeedContext) => StateRecords;
  /**
   * Tables of its own beside its collections, for what is too large to hold in
   * memory (a request log): their DDL runs on every open, they are emptied when
   * the whole state is replaced, and `store.sql` reads and writes them.
   */
  readonly tables?: OwnTables;
  /** Run after a seed is loaded (the first start on an empty state, a reset), not when a state is read back: fill its own tables. */
  readonly afterSeed?: (seeded: SeededContext) => void;
  /** Start what it runs in the background once the platform is composed; stopped (in reverse order) when it closes. */
  readonly start?: (platform: StartContext) => Running | undefined;
  /** Its settings, with their defaults; `MockPlatformOptions` of the same names override them (main.ts reads them from the environment). */
  readonly settings?: Partial<Settings>;
  /** The path parameters it resolves into `c.var` (`:service_id` → `c.var.service`). */
  readonly scope?: ScopeResolvers;
  /** Its part in who is calling: whose tokens, which sessions stand, other bearer credentials. */
  readonly auth?: AuthHooks;
  /** Its part of the mock's OpenAPI document: the contract modules that name its schemas, and path parameters of its own. */
  readonly openapi?: { readonly schemas?: readonly ContractModule[]; readonly params?: Readonly<Record<string, ParamDoc>> };
}

/**
 * A domain, its type kept as written (not widened to `MockDomain`), so the
 * root can check which collections, settings, queries and scope parameters
 * the domains it lists provide.
 */
export function defineDomain<const D extends MockDomain>(domain: D): D {
  return domain;
}

/** What a thing in scope can be the owner of: the `c.var`s that hold a record with an id (`org`, `workspace`, `service`…). */
type Owner = { [V in keyof ScopeVars]-?: ScopeVars[V] extends { id: string } ? V : never }[keyof ScopeVars];
/** The fields of a record that hold an id. */
type IdField<T> = { [F in keyof T]-?: T[F] extends string | null ? F : never }[keyof T] & string;

/**
 * A scope resolver's `find` for a record of `collection` that belongs to what
 * the path resolved before it: each field named in `owners` must hold the id
 * of that `c.var` (`belongsTo('rings', { workspace_id: 'workspace' })`: a ring
 * of the path's workspace). Anyone else's is not found, as an unknown id is.
 */
export function belongsTo<K extends CollectionName>(
  collection: K,
  owners: Partial<Record<IdField<RecordOf<K>>, Owner>>,
): (at: { store: Store; id: string; scope: Partial<ScopeVars> }) => RecordOf<K> | undefined {
  const checks = Object.entries(owners) as [keyof RecordOf<K>, Owner][];
  return ({ store, id, scope }) => {
    // `store[collection]` is `Collections[K]`, which TypeScript cannot see is a collection of `RecordOf<K>`.
    const record = (store[collection] as unknown as Collection<RecordOf<K>, string>).get(id);
    return record && checks.every(([field, owner]) => record[field] === scope[owner]?.id) ? record : undefined;
  };
}
