/**
 * The mock platform's state: collections of records held in memory, with
 * their group indexes, written through to the database (persistence.ts).
 * Core knows no collection: each domain registers its own (`collections` in
 * its domain.ts) and may add queries and indexes (`queries`); the composition
 * root registers them all when it opens the store.
 *
 * A record changes only through its collection's `put` and `delete`, which
 * persist: each change is noted in the current unit of work, and the unit
 * writes exactly the records it changed in one transaction when it ends. The
 * app runs every request as one unit and commits it before the response
 * leaves, so a 2xx means the change is on disk, and the cost of a write does
 * not depend on the size of the state. A change made outside any unit is
 * written at once. Records are frozen, so a change made any other way throws.
 * Deleting a record deletes what is `ownedBy` it, in every collection.
 *
 * Types: `Store` is `StoreCore` and what the domains add to it — their
 * collections (`Collections`) and their queries (`StoreQueries`), two
 * interfaces each domain extends by module augmentation in its domain.ts:
 *
 *   declare module '../core/store' {
 *     interface Collections { jobs: Collection<JobRecord, 'service'> }
 *   }
 *   export const jobsDomain = defineDomain({ …, collections: { jobs: { table: 'jobs', key: (j) => j.id,
 *     groups: { service: (j) => j.service_id }, ownedBy: { collection: 'services', group: 'service' } } } });
 *
 * Its table is created on start; `store.jobs.put(job)`, `.get(id)`,
 * `.in('service', id)` and `.delete(id)` are then available, and deleting a
 * service deletes its jobs.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Clock } from './clock';
import type Database from 'better-sqlite3';
import type { OwnTables, RowChange, StateDatabase } from './persistence';

/** A domain's handle on its own tables (persistence.ts `OwnTables`): prepared statements and transactions, nothing else. */
export interface SqlTables {
  prepare(sql: string): Database.Statement;
  transaction<T>(fn: () => T): T;
}

/** The collections the domains register, by their name on the store. Extended by the domains. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the domains (module augmentation)
export interface Collections {}
/** The queries and indexes the domains add to the store (`store.versionsOf(id)`). Extended by the domains. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the domains (module augmentation)
export interface StoreQueries {}

export type CollectionName = keyof Collections & string;
/** The record type of a collection. */
export type RecordOf<K extends CollectionName> = Collections[K] extends Collection<infer T, infer _G> ? T : never;
type GroupOf<K extends CollectionName> = Collections[K] extends Collection<infer _T, infer G> ? G : never;

export interface CollectionSpec<T, G extends string> {
  /** Its table in the database (one row per record): lowercase letters, digits and `_`. */
  table: string;
  /** The record's key (its row id). */
  key: (record: T) => string;
  /** Secondary indexes: records grouped by a value (null: not in the group), read with `in(group, value)`. */
  groups?: Record<G, (record: T) => string | null>;
  /** Delete this collection's records with their owner: those whose `group` value is the deleted record's key. */
  ownedBy?: { collection: CollectionName; group: NoInfer<G> };
}
/** A collection of records keyed by their `id`, with the groups given (`byId('rings', { workspace: (r) => r.workspace_id })`). */
export function byId<T extends { id: string }, G extends string = never>(
  table: string,
  groups?: Record<G, (record: T) => string | null>,
): CollectionSpec<T, G> {
  return { table, key: (r) => r.id, groups };
}
/**
 * Collections whose records belong to a record of another (a service's jobs,
 * a connector instance's objects): `owner(record)` is the owning record's key,
 * the group `group` indexes them by it (`store.jobs.in('service', id)`), and
 * deleting the owner deletes them. The spec it makes takes the collection's
 * table, its records' key and any groups of its own.
 */
export function ownedBy<R, G extends string>(collection: CollectionName, group: G, owner: (record: R) => string | null) {
  return <T extends R, H extends string = never>(
    table: string,
    key: (record: T) => string,
    groups?: Record<H, (record: T) => string | null>,
  ): CollectionSpec<T, G | H> => ({
    table,
    key,
    groups: { [group]: owner, ...groups } as Record<G | H, (record: T) => string | null>,
    ownedBy: { collection, group },
  });
}
/** What a domain declares for one of its collections (`Collections[K]`). */
export type SpecOf<K extends CollectionName> = CollectionSpec<RecordOf<K>, GroupOf<K>>;
export type CollectionSpecs = { [K in CollectionName]?: SpecOf<K> };
/** A whole state's records, by collection: what the seeds build (seed.ts), and what `load` takes. */
export type StateRecords = { [K in CollectionName]?: RecordOf<K>[] };

interface ChangeLog {
  changed(collection: Collection<never, string>, id: string): void;
  deleted(collection: Collection<never, string>, id: string): void;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** One collection of records, by key, with its group indexes. Reads are from memory. */
export class Collection<T, G extends string = never> {
  private readonly rows = new Map<string, T>();
  private readonly groupIndex = new Map<G, Map<string, Map<string, T>>>();
  private readonly watchers: ((before: T | undefined, after: T | undefined) => void)[] = [];

  constructor(
    /** Its name on the store (`store.jobs`). */
    readonly name: string,
    readonly spec: CollectionSpec<T, G>,
    private readonly log: ChangeLog,
  ) {
    for (const g of Object.keys(spec.groups ?? {}) as G[]) this.groupIndex.set(g, new Map());
  }

  get size(): number {
    return this.rows.size;
  }

  get(key: string): T | undefined {
    return this.rows.get(key);
  }

  has(key: string): boolean {
    return this.rows.has(key);
  }

  /** In the order the records were first put. */
  values(): IterableIterator<T> {
    return this.rows.values();
  }

  /** The records whose `group` is `value`, in the order they were first put. */
  in(group: G, value: string): T[] {
    const members = this.groupIndex.get(group)?.get(value);
    return members ? [...members.values()] : [];
  }

  keyOf(record: T): string {
    return this.spec.key(record);
  }

  /** Insert or replace (by key); written with the current unit of work. */
  put(record: T): T {
    const key = this.spec.key(record);
    this.set(key, deepFreeze(record));
    this.log.changed(this as unknown as Collection<never, string>, key);
    return record;
  }

  /** Delete by key (and what it owns); written with the current unit of work. */
  delete(key: string): boolean {
    const before = this.rows.get(key);
    if (before === undefined) return false;
    this.rows.delete(key);
    this.ungroup(key, before);
    for (const w of this.watchers) w(before, undefined);
    this.log.deleted(this as unknown as Collection<never, string>, key);
    return true;
  }

  /** Be told of every change, loads included (a domain keeps its own indexes this way: services/search.ts). */
  watch(fn: (before: T | undefined, after: T | undefined) => void): void {
    this.watchers.push(fn);
  }

  /** For the store: fill from a snapshot or the database, writing nothing. */
  load(records: Iterable<T>): void {
    for (const r of records) this.set(this.spec.key(r), deepFreeze(r));
  }

  /** For the store: forget everything, writing nothing. */
  clear(): void {
    this.rows.clear();
    for (const index of this.groupIndex.values()) index.clear();
  }

  private set(key: string, record: T): void {
    const before = this.rows.get(key);
    this.rows.set(key, record);
    for (const [g, index] of this.groupIndex) {
      const groupOf = this.spec.groups![g];
      const value = groupOf(record);
      const old = before === undefined ? null : groupOf(before);
      // A record that stays in its group keeps its place there (Map.set on an existing key).
      if (old !== null && old !== value) this.leave(index, old, key);
      if (value === null) continue;
      let members = index.get(value);
      if (!members) index.set(value, (members = new Map()));
      members.set(key, record);
    }
    for (const w of this.watchers) w(before, record);
  }

  private leave(index: Map<string, Map<string, T>>, value: string, key: string): void {
    const members = index.get(value);
    members?.delete(key);
    if (members?.size === 0) index.delete(value);
  }

  private ungroup(key: string, record: T): void {
    for (const [g, index] of this.groupIndex) {
      const value = this.spec.groups![g](record);
      if (value !== null) this.leave(index, value, key);
    }
  }
}

/** The records a unit of work changed, and what waits for them to be on disk. */
interface Unit {
  changed: Map<Collection<never, string>, Set<string>>;
  afterCommit: ((ok: boolean) => void)[];
}

const SWEEP_EVERY_MS = 10 * 60_000;

type AnyCollection = Collection<never, string>;

/** The store without the domains' parts; see `Store`. */
export class StoreCore {
  private readonly units = new AsyncLocalStorage<Unit>();
  private readonly collections = new Map<string, AnyCollection>();
  private readonly lastSweep = new Map<string, number>();
  private readonly clearHooks: (() => void)[] = [];
  private readonly closeHooks: (() => void)[] = [];

  seed = 'demo';
  /**
   * Signs user sessions. The signing secrets are not state: they come from
   * their own file (secrets.ts) and are never written to the database.
   */
  jwtSecret = '';
  /** Signs service tokens; apart from the user-session secret. */
  serviceTokenSecret = '';

  constructor(
    private readonly db: StateDatabase,
    /** The platform's clock (clock.ts): sweeps and the reads "as of now" read it. */
    readonly clock: Clock,
  ) {}

  // ---- what the domains add ------------------------------------------------------

  /** A domain's collection: `store[name]` from now on; its table is created if it does not exist yet. */
  register(name: string, spec: CollectionSpec<never, string>): void {
    if (name in this) throw new Error(`The store has a ${name} already: two domains register it`);
    for (const c of this.collections.values())
      if (c.spec.table === spec.table) throw new Error(`Collections ${c.name} and ${name} share the table ${spec.table}`);
    const c = new Collection<never, string>(name, spec, {
      changed: (collection, id) => this.noteChange(collection, id),
      deleted: (collection, id) => {
        this.noteChange(collection, id);
        this.cascade(collection.name, id);
      },
    });
    this.db.ensureTables([spec.table]);
    this.collections.set(name, c);
    Object.defineProperty(this, name, { value: c, enumerable: true });
  }

  /** A domain's own tables (persistence.ts): created if missing, emptied with the state; `store.sql` reads and writes them. */
  ownTables(own: OwnTables): void {
    for (const name of own.names)
      for (const c of this.collections.values())
        if (c.spec.table === name) throw new Error(`The collection ${c.name} and a domain's own table share the name ${name}`);
    this.db.ensureOwnTables(own);
  }

  /** Prepared statements and transactions on the domains' own tables. */
  get sql(): SqlTables {
    const db = this.db;
    return { prepare: (sql) => db.prepare(sql), transaction: (fn) => db.transaction(fn) };
  }

  /** Be told before the database closes (an orderly stop): what a domain holds in memory for a moment is written now. */
  onClose(fn: () => void): void {
    this.closeHooks.push(fn);
  }

  /** A domain's queries and indexes: each property of `queries` (getters and setters too) becomes one of the store's. */
  extend(queries: object): void {
    for (const [name, property] of Object.entries(Object.getOwnPropertyDescriptors(queries))) {
      if (name in this) throw new Error(`The store has a ${name} already: two domains add it`);
      Object.defineProperty(this, name, property);
    }
  }

  /** Be told when the whole state is replaced (a seed, a reset, a start): an index of a domain's starts over. */
  onClear(fn: () => void): void {
    this.clearHooks.push(fn);
  }

  /** Check what the collections declare of each other (`ownedBy`), once every domain has registered its own. */
  checkOwners(): void {
    for (const c of this.collections.values()) {
      const owner = c.spec.ownedBy?.collection;
      if (owner !== undefined && !this.collections.has(owner))
        throw new Error(`The collection ${c.name} is owned by ${owner}, which no domain registers`);
    }
  }

  private cascade(owner: string, key: string): void {
    for (const c of this.collections.values()) {
      const owned = c.spec.ownedBy;
      if (owned?.collection !== owner) continue;
      for (const r of c.in(owned.group, key)) c.delete(c.keyOf(r));
    }
  }

  // ---- units of work ---------------------------------------------------------

  private noteChange(collection: AnyCollection, id: string): void {
    const unit = this.units.getStore();
    if (!unit) {
      this.write([collection, id]);
      return;
    }
    let ids = unit.changed.get(collection);
    if (!ids) unit.changed.set(collection, (ids = new Set()));
    ids.add(id);
  }

  private write(...keys: [AnyCollection, string][]): void {
    const changes: RowChange[] = keys.map(([collection, id]) => {
      const record = collection.get(id);
      return { table: collection.spec.table, id, data: record === undefined ? null : JSON.stringify(record) };
    });
    this.db.write(changes);
  }

  private commit(unit: Unit): void {
    let ok = false;
    try {
      const keys: [AnyCollection, string][] = [];
      for (const [collection, ids] of unit.changed) for (const id of ids) keys.push([collection, id]);
      // The records as they are now: a later change of the same record by another request is newer, never older.
      if (keys.length) this.write(...keys);
      ok = true;
    } finally {
      for (const fn of unit.afterCommit) fn(ok);
    }
  }

  /**
   * Run `fn` as one unit of work: what it changes is written in one
   * transaction when it settles. Inside a unit already, it joins that one.
   */
  async unitOfWork<R>(fn: () => Promise<R>): Promise<R> {
    if (this.units.getStore()) return fn();
    const unit: Unit = { changed: new Map(), afterCommit: [] };
    let result: R;
    try {
      result = await this.units.run(unit, fn);
    } catch (e) {
      this.commit(unit);
      throw e;
    }
    this.commit(unit);
    return result;
  }

  /** `fn` once the current unit is on disk (`ok` false if writing it failed); at once outside a unit. */
  afterCommit(fn: (ok: boolean) => void): void {
    const unit = this.units.getStore();
    if (unit) unit.afterCommit.push(fn);
    else fn(true);
  }

  /** Delete the records `expired` picks, at most every ten minutes (of the clock) per collection, so a request does not pay for a scan. */
  sweep<T>(collection: Collection<T, string>, expired: (record: T) => boolean, now = this.clock.now()): void {
    const last = this.lastSweep.get(collection.name) ?? -Infinity;
    if (now - last < SWEEP_EVERY_MS && now >= last) return;
    this.lastSweep.set(collection.name, now);
    for (const r of [...collection.values()]) if (expired(r)) collection.delete(collection.keyOf(r));
  }

  // ---- whole states ------------------------------------------------------------

  /** Load what the database holds; false if it holds no state yet. */
  loadFromDatabase(): boolean {
    const seed = this.db.meta().get('seed');
    if (seed === undefined) return false;
    this.clear();
    this.seed = seed;
    for (const c of this.collections.values()) c.load(this.db.rows(c.spec.table) as Iterable<never>);
    return true;
  }

  /** Replace the whole state (a seed, or a reset), in memory and on disk. */
  load(seed: string, records: StateRecords): void {
    this.clear();
    this.seed = seed;
    const tables = new Map<string, [string, string][]>();
    const byName = records as Record<string, readonly never[] | undefined>;
    for (const c of this.collections.values()) {
      c.load(byName[c.name] ?? []);
      tables.set(
        c.spec.table,
        [...c.values()].map((r) => [c.keyOf(r), JSON.stringify(r)]),
      );
    }
    this.db.replaceAll(tables, new Map([['seed', this.seed]]));
  }

  /** The whole state as one document, by table (for tests and debugging), without the signing secrets. */
  dump(): Record<string, unknown> {
    const state: Record<string, unknown> = { seed: this.seed };
    for (const c of this.collections.values()) state[c.spec.table] = [...c.values()];
    return state;
  }

  private clear(): void {
    for (const c of this.collections.values()) c.clear();
    for (const fn of this.clearHooks) fn();
    this.lastSweep.clear();
  }

  close(): void {
    try {
      for (const fn of this.closeHooks.splice(0)) fn();
    } finally {
      this.db.close();
    }
  }
}

/** The store as domains and tests see it: core's part, and every domain's collections and queries. */
export type Store = StoreCore & Collections & StoreQueries;
