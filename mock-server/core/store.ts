/**
 * The mock platform's state: collections of records (records.ts) held in
 * memory, with the indexes the routes need, written through to the database
 * (persistence.ts).
 *
 * A record changes only through its collection's `put` and `delete`, which
 * persist: each change is noted in the current unit of work, and the unit
 * writes exactly the records it changed in one transaction when it ends. The
 * app runs every request as one unit and commits it before the response
 * leaves, so a 2xx means the change is on disk, and the cost of a write does
 * not depend on the size of the state. A change made outside any unit is
 * written at once. Records are frozen, so a change made any other way throws.
 *
 * Adding a collection: its record type in records.ts (and an optional array
 * of the same name in `StateFile`, for seeds and imports), then one line below:
 * `readonly jobs = this.collection('jobs', { key: (j) => j.id, groups: { service: (j) => j.service_id }, ownedBy: { collection: 'services', group: 'service' } })`.
 * Its table is created on start; `store.jobs.put(job)`, `.get(id)`,
 * `.in('service', id)` and `.delete(id)` are then available, and deleting a
 * service deletes its jobs.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { z } from 'zod';
import type { ServiceListQuery } from '../../src/contract/services';
import { versionAt } from '../../src/contract/traffic-rules';
import type { RowChange, StateDatabase } from './persistence';
import type { EndpointRecord, RingRecord, ServiceRecord, StateFile, VersionRecord, WorkspaceRecord } from './records';

/** The collections, by name: every array of `StateFile`. */
type Tables = {
  [K in keyof StateFile as NonNullable<StateFile[K]> extends readonly unknown[] ? K : never]-?: NonNullable<
    StateFile[K]
  > extends readonly (infer R)[]
    ? R
    : never;
};
export type CollectionName = keyof Tables;

export interface CollectionSpec<T, G extends string> {
  /** The record's key (its row id). */
  key: (record: T) => string;
  /** Secondary indexes: records grouped by a value (null: not in the group), read with `in(group, value)`. */
  groups?: Record<G, (record: T) => string | null>;
  /** Delete this collection's records with their owner: those whose `group` value is the deleted record's key. */
  ownedBy?: { collection: CollectionName; group: NoInfer<G> };
}

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
    readonly name: CollectionName,
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

  /** Be told of every change (the store keeps its search indexes this way). */
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

type SortField = z.output<typeof ServiceListQuery>['sort'];
export type ServiceQuery = z.output<typeof ServiceListQuery>;

interface SortedEntry {
  s: ServiceRecord;
  hay: string;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const SWEEP_EVERY_MS = 10 * 60_000;

export class Store {
  private readonly units = new AsyncLocalStorage<Unit>();
  private readonly collections: Collection<never, string>[] = [];
  private readonly lastSweep = new Map<string, number>();

  seed = 'demo';
  /**
   * Signs user sessions. The signing secrets are not state: they come from
   * their own file (secrets.ts) and are never written to the database.
   */
  jwtSecret = '';
  /** Signs service tokens; apart from the user-session secret. */
  serviceTokenSecret = '';

  readonly organizations = this.collection('organizations', { key: (o) => o.id });
  readonly workspaces = this.collection('workspaces', { key: (w) => w.id });
  readonly rings = this.collection('rings', { key: (r) => r.id, groups: { workspace: (r) => r.workspace_id } });
  readonly users = this.collection('users', { key: (u) => u.id });
  /** Organization API keys, by id; found by their prefix (`''`: a key of an older mock with none). */
  readonly apiKeys = this.collection('organization_api_keys', {
    key: (k) => k.id,
    groups: { org: (k) => k.org_id, prefix: (k) => k.prefix ?? '' },
  });
  /** API keys of older mocks (a bare SHA-256, by it): salted into `apiKeys` when a state is opened (api-keys/rules.ts). */
  readonly legacyApiKeys = this.collection('api_keys', { key: (k) => k.key_sha256 });
  readonly refreshTokens = this.collection('refresh_tokens', { key: (t) => t.token_sha256, groups: { session: (t) => t.session_id } });
  readonly revokedJtis = this.collection('revoked_jtis', { key: (r) => r.jti });
  readonly services = this.collection('services', { key: (s) => s.id, groups: { workspace: (s) => s.workspace_id } });
  readonly versions = this.collection('versions', {
    key: (v) => v.id,
    groups: { service: (v) => v.service_id },
    ownedBy: { collection: 'services', group: 'service' },
  });
  readonly endpoints = this.collection('endpoints', {
    key: (e) => e.id,
    groups: { version: (e) => e.version_id },
    ownedBy: { collection: 'versions', group: 'version' },
  });
  /** Builds, deploys and teardowns; per service, oldest first. */
  readonly deployments = this.collection('deployments', {
    key: (d) => d.id,
    groups: { service: (d) => d.service_id },
    ownedBy: { collection: 'services', group: 'service' },
  });
  /** By `organization:<org id>` or `service:<service id>`. */
  readonly cloudCredentials = this.collection('cloud_credentials', {
    key: (c) => `${c.scope}:${c.service_id ?? c.org_id}`,
    groups: { service: (c) => c.service_id, org: (c) => c.org_id },
    ownedBy: { collection: 'services', group: 'service' },
  });
  readonly connectorInstances = this.collection('connector_instances', { key: (i) => i.id, groups: { workspace: (i) => i.workspace_id } });
  readonly revocations = this.collection('service_token_revocations', {
    key: (r) => r.id,
    groups: { service: (r) => r.service_id },
    ownedBy: { collection: 'services', group: 'service' },
  });
  /** Async jobs; per service, oldest first. */
  readonly jobs = this.collection('jobs', {
    key: (j) => j.id,
    groups: { service: (j) => j.service_id },
    ownedBy: { collection: 'services', group: 'service' },
  });
  /** What was minted (never the token): by jti. */
  readonly serviceTokens = this.collection('service_tokens', {
    key: (t) => t.jti,
    groups: { service: (t) => t.service_id },
    ownedBy: { collection: 'services', group: 'service' },
  });
  /** Who did what to each service; per service in the order recorded. */
  readonly activity = this.collection('activity', {
    key: (a) => a.id,
    groups: { service: (a) => a.service_id },
    ownedBy: { collection: 'services', group: 'service' },
  });
  readonly idempotency = this.collection('idempotency', { key: (r) => r.key });
  readonly agentDeployments = this.collection('agent_deployments', { key: (d) => d.id, groups: { org: (d) => d.org_id } });
  readonly agentServices = this.collection('agent_services', {
    key: (s) => s.id,
    groups: { deployment: (s) => s.deployment_id },
    ownedBy: { collection: 'agent_deployments', group: 'deployment' },
  });

  // Connector instances' own data (connector-operations/records.ts), deleted with their instance.
  readonly connectorData = this.collection('connector_data', {
    key: (d) => d.instance_id,
    groups: { instance: (d) => d.instance_id },
    ownedBy: { collection: 'connector_instances', group: 'instance' },
  });
  readonly connectorObjects = this.collection('connector_objects', {
    key: (o) => o.id,
    groups: { instance: (o) => o.instance_id },
    ownedBy: { collection: 'connector_instances', group: 'instance' },
  });
  readonly connectorJobs = this.collection('connector_jobs', {
    key: (j) => j.id,
    groups: { instance: (j) => j.instance_id },
    ownedBy: { collection: 'connector_instances', group: 'instance' },
  });
  readonly connectorDdl = this.collection('connector_ddl', {
    key: (d) => d.id,
    groups: { instance: (d) => d.instance_id },
    ownedBy: { collection: 'connector_instances', group: 'instance' },
  });

  // search indexes over services
  private readonly slugIndex = new Map<string, string>();
  /** Lowercased "name\ndescription" per record, for search. */
  private haystack = new WeakMap<ServiceRecord, string>();
  /** Per `workspace|sort field`: the services sorted ascending, with their haystacks. Dropped on write. */
  private readonly sortCache = new Map<string, SortedEntry[]>();
  /** Recent filter results (ascending), so paging and repeated searches skip the scan. Dropped on write. */
  private readonly matchCache = new Map<string, SortedEntry[]>();
  private static readonly MATCH_CACHE_MAX = 64;
  /** Set false to measure the uncached scan. */
  cacheMatches = true;

  constructor(private readonly db: StateDatabase) {
    db.ensureTables(this.collections.map((c) => c.name));
    this.services.watch((before, after) => {
      if (before) {
        if (!after || before.slug !== after.slug || before.workspace_id !== after.workspace_id)
          this.slugIndex.delete(`${before.workspace_id}|${before.slug}`);
        this.invalidate(before.workspace_id);
      }
      if (after) {
        this.slugIndex.set(`${after.workspace_id}|${after.slug}`, after.id);
        this.haystack.set(after, `${after.name}\n${after.description ?? ''}`.toLowerCase());
        this.invalidate(after.workspace_id);
      }
    });
  }

  private collection<K extends CollectionName, G extends string = never>(
    name: K,
    spec: CollectionSpec<Tables[K], G>,
  ): Collection<Tables[K], G> {
    const c = new Collection<Tables[K], G>(name, spec, {
      changed: (collection, id) => this.noteChange(collection, id),
      deleted: (collection, id) => {
        this.noteChange(collection, id);
        this.cascade(collection.name, id);
      },
    });
    this.collections.push(c as unknown as Collection<never, string>);
    return c;
  }

  private cascade(owner: CollectionName, key: string): void {
    for (const c of this.collections) {
      const owned = c.spec.ownedBy;
      if (owned?.collection !== owner) continue;
      for (const r of c.in(owned.group, key)) c.delete(c.keyOf(r));
    }
  }

  // ---- units of work ---------------------------------------------------------

  private noteChange(collection: Collection<never, string>, id: string): void {
    const unit = this.units.getStore();
    if (!unit) {
      this.write([collection.name, id]);
      return;
    }
    let ids = unit.changed.get(collection);
    if (!ids) unit.changed.set(collection, (ids = new Set()));
    ids.add(id);
  }

  private write(...keys: [CollectionName, string][]): void {
    const changes: RowChange[] = keys.map(([table, id]) => {
      const record = this.collections.find((c) => c.name === table)!.get(id);
      return { table, id, data: record === undefined ? null : JSON.stringify(record) };
    });
    this.db.write(changes);
  }

  private commit(unit: Unit): void {
    let ok = false;
    try {
      const keys: [CollectionName, string][] = [];
      for (const [collection, ids] of unit.changed) for (const id of ids) keys.push([collection.name, id]);
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

  /** Delete the records `expired` picks, at most every ten minutes per collection (so a request does not pay for a scan). */
  sweep<T>(collection: Collection<T, string>, expired: (record: T) => boolean, now = Date.now()): void {
    const last = this.lastSweep.get(collection.name) ?? -Infinity;
    if (now - last < SWEEP_EVERY_MS && now >= last) return;
    this.lastSweep.set(collection.name, now);
    for (const r of [...collection.values()]) if (expired(r)) collection.delete(collection.keyOf(r));
  }

  // ---- whole states ------------------------------------------------------------

  /** Load what the database holds; false if it holds no state yet. */
  loadFromDatabase(): boolean {
    const meta = this.db.meta();
    if (meta.get('format') === undefined) return false;
    this.clear();
    this.seed = meta.get('seed') ?? 'demo';
    for (const c of this.collections) c.load(this.db.rows(c.name) as Iterable<never>);
    return true;
  }

  /** Replace the whole state (a seed, a reset or an imported JSON state file), in memory and on disk. */
  load(state: StateFile): void {
    this.clear();
    this.seed = state.seed;
    const tables = new Map<string, [string, string][]>();
    for (const c of this.collections) {
      const records = ((state as unknown as Record<string, unknown[] | undefined>)[c.name] ?? []) as never[];
      c.load(records);
      tables.set(
        c.name,
        [...c.values()].map((r) => [c.keyOf(r), JSON.stringify(r)]),
      );
    }
    this.db.replaceAll(
      tables,
      new Map([
        ['format', '1'],
        ['seed', this.seed],
      ]),
    );
  }

  /** The whole state as one document (the `StateFile` format), without the signing secrets. */
  dump(): StateFile {
    const state: Record<string, unknown> = { format: 1, seed: this.seed };
    for (const c of this.collections) state[c.name] = [...c.values()];
    return state as unknown as StateFile;
  }

  private clear(): void {
    for (const c of this.collections) c.clear();
    this.slugIndex.clear();
    this.sortCache.clear();
    this.matchCache.clear();
    this.haystack = new WeakMap();
    this.lastSweep.clear();
  }

  close(): void {
    this.db.close();
  }

  // ---- lookups within a scope ----------------------------------------------------

  workspaceIn(orgId: string, workspaceId: string): WorkspaceRecord | undefined {
    const ws = this.workspaces.get(workspaceId);
    return ws && ws.org_id === orgId ? ws : undefined;
  }

  /** By position, then name. */
  ringsOf(workspaceId: string): RingRecord[] {
    return this.rings.in('workspace', workspaceId).sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  }

  serviceIn(workspaceId: string, serviceId: string): ServiceRecord | undefined {
    const s = this.services.get(serviceId);
    return s && s.workspace_id === workspaceId ? s : undefined;
  }

  serviceBySlug(workspaceId: string, slug: string): ServiceRecord | undefined {
    const id = this.slugIndex.get(`${workspaceId}|${slug}`);
    return id ? this.services.get(id) : undefined;
  }

  /** Ascending by version number, as they read now (a drained version reads archived: the contract's `versionAt`). */
  versionsOf(serviceId: string, now = Date.now()): VersionRecord[] {
    return this.versions
      .in('service', serviceId)
      .map((v) => versionAt(v, now))
      .sort((a, b) => a.version - b.version);
  }

  /** As it reads now (see `versionsOf`). */
  versionIn(serviceId: string, versionId: string, now = Date.now()): VersionRecord | undefined {
    const v = this.versions.get(versionId);
    return v && v.service_id === serviceId ? versionAt(v, now) : undefined;
  }

  /** A version's endpoints, in insertion order. */
  endpointsOf(versionId: string): EndpointRecord[] {
    return this.endpoints.in('version', versionId);
  }

  endpointIn(serviceId: string, endpointId: string): EndpointRecord | undefined {
    const e = this.endpoints.get(endpointId);
    return e && this.versionIn(serviceId, e.version_id) ? e : undefined;
  }

  // ---- service search --------------------------------------------------------------

  private invalidate(workspaceId: string): void {
    for (const k of this.sortCache.keys()) if (k.startsWith(`${workspaceId}|`)) this.sortCache.delete(k);
    for (const k of this.matchCache.keys()) if (k.startsWith(`${workspaceId}|`)) this.matchCache.delete(k);
  }

  /** The services of a workspace sorted ascending by `field` (ties by id), cached until the next write. */
  private sorted(workspaceId: string, field: SortField): SortedEntry[] {
    const key = `${workspaceId}|${field}`;
    const hit = this.sortCache.get(key);
    if (hit) return hit;
    const list = this.services.in('workspace', workspaceId);
    const cmp =
      field === 'name'
        ? (a: ServiceRecord, b: ServiceRecord) => collator.compare(a.name, b.name)
        : (a: ServiceRecord, b: ServiceRecord) => (a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : 0);
    list.sort((a, b) => cmp(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const entries = list.map((s) => ({ s, hay: this.haystack.get(s) ?? '' }));
    this.sortCache.set(key, entries);
    return entries;
  }

  /** The entries matching the filters, ascending by the sort field. */
  private matching(workspaceId: string, q: ServiceQuery): SortedEntry[] {
    const list = this.sorted(workspaceId, q.sort);
    const term = q.search ? q.search.toLowerCase() : '';
    if (!term && !q.status && !q.execution_mode) return list;
    const key = `${workspaceId}|${q.sort}|${q.status ?? ''}|${q.execution_mode ?? ''}|${term}`;
    const hit = this.cacheMatches ? this.matchCache.get(key) : undefined;
    if (hit) {
      this.matchCache.delete(key);
      this.matchCache.set(key, hit);
      return hit;
    }
    const out: SortedEntry[] = [];
    for (const e of list) {
      const s = e.s;
      if (q.status && s.status !== q.status) continue;
      if (q.execution_mode && s.execution_mode !== q.execution_mode) continue;
      if (term && !e.hay.includes(term)) continue;
      out.push(e);
    }
    if (this.cacheMatches) {
      if (this.matchCache.size >= Store.MATCH_CACHE_MAX) this.matchCache.delete(this.matchCache.keys().next().value!);
      this.matchCache.set(key, out);
    }
    return out;
  }

  listServices(workspaceId: string, q: ServiceQuery): { items: ServiceRecord[]; total: number } {
    const list = this.matching(workspaceId, q);
    const n = list.length;
    const items: ServiceRecord[] = [];
    for (let k = q.offset; k < Math.min(n, q.offset + q.limit); k++) {
      items.push(list[q.order === 'desc' ? n - 1 - k : k]!.s);
    }
    return { items, total: n };
  }
}
