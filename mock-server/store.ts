/**
 * The mock platform's state: plain records held in maps, with the indexes the
 * routes need (slug per workspace, versions per service, search haystacks,
 * cached sort orders), serialisable to one JSON document.
 */
import { createHash, randomBytes } from 'node:crypto';
import type * as z from 'zod/mini';
import type { Role } from '../src/contract/auth';
import type { Organization, Workspace } from '../src/contract/organizations';
import type { Ring } from '../src/contract/rings';
import type { HostedService, ServiceListQuery } from '../src/contract/services';
import { ServiceListQuery as ServiceListQuerySchema } from '../src/contract/services';
import type { Endpoint, ServiceVersion } from '../src/contract/versions';
import type { ConnectorInstanceRecord } from './connector-rules';
import type { RevocationRecord } from './service-tokens';
import type { CredentialsRecord } from './credentials';
import { liveDeploymentState, type DeploymentRecord } from './deployments';

export type RingRecord = Ring & { org_id: string; workspace_id: string };

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  org_id: string;
  /** sha256 of the password; the mock never keeps a password in clear. */
  password_sha256: string;
}

export interface ApiKeyRecord {
  id: string;
  user_id: string;
  name: string;
  /** sha256 of the key. */
  key_sha256: string;
}

/** A hosted service as stored: the contract's shape minus the version-derived fields. */
export type ServiceRecord = Omit<HostedService, 'active_version_id' | 'active_version' | 'draft_version_id' | 'draft_version'>;
export type VersionRecord = ServiceVersion;
/** An endpoint of a version: drafts' are edited; published ones are kept, read-only. */
export type EndpointRecord = Endpoint;

export interface RefreshTokenRecord {
  token_sha256: string;
  user_id: string;
  session_id: string;
  expires_at: number;
}

export interface IdempotencyRecord {
  key: string;
  body_sha256: string;
  status: number;
  body: unknown;
  created_at: number;
}

export interface StateFile {
  format: 1;
  seed: string;
  jwt_secret: string;
  organizations: Organization[];
  workspaces: Workspace[];
  rings: RingRecord[];
  users: UserRecord[];
  api_keys: ApiKeyRecord[];
  services: ServiceRecord[];
  versions: VersionRecord[];
  /** Absent in state files written before endpoints existed. */
  endpoints?: EndpointRecord[];
  /** Persistent builds, deploys and teardowns (absent in older state files). */
  deployments?: DeploymentRecord[];
  /** Organization and per-service cloud credentials, without their secrets (absent in older state files). */
  cloud_credentials?: CredentialsRecord[];
  refresh_tokens: RefreshTokenRecord[];
  revoked_jtis: { jti: string; exp: number }[];
  idempotency: IdempotencyRecord[];
  /** Connector instances, with their secrets (absent in older state files). */
  connector_instances?: ConnectorInstanceRecord[];
  /** Service-token revocations and the secret that signs service tokens (absent in older state files). */
  service_token_revocations?: RevocationRecord[];
  service_token_secret?: string;
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

type SortField = z.output<typeof ServiceListQuerySchema>['sort'];
export type ServiceQuery = z.output<typeof ServiceListQuerySchema>;
export type { ServiceListQuery };

interface SortedEntry {
  s: ServiceRecord;
  hay: string;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export class Store {
  seed = 'demo';
  jwtSecret = '';
  readonly organizations = new Map<string, Organization>();
  readonly workspaces = new Map<string, Workspace>();
  readonly rings = new Map<string, RingRecord>();
  readonly users = new Map<string, UserRecord>();
  readonly apiKeys = new Map<string, ApiKeyRecord>();
  readonly services = new Map<string, ServiceRecord>();
  readonly versions = new Map<string, VersionRecord>();
  readonly endpoints = new Map<string, EndpointRecord>();
  readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  readonly revokedJtis = new Map<string, number>();
  readonly idempotency = new Map<string, IdempotencyRecord>();
  /** By id (connector-rules.ts). */
  readonly connectorInstances = new Map<string, ConnectorInstanceRecord>();
  /** By id (service-tokens.ts). */
  readonly revocations = new Map<string, RevocationRecord>();
  /** Signs service tokens; apart from the user-session secret. */
  serviceTokenSecret = '';
  /** Per service id, oldest first (deployments.ts). */
  readonly deployments = new Map<string, DeploymentRecord[]>();
  /** By `organization:<org id>` or `service:<service id>` (credentials.ts). */
  readonly cloudCredentials = new Map<string, CredentialsRecord>();

  // indexes
  private readonly slugIndex = new Map<string, string>();
  private readonly versionsByService = new Map<string, VersionRecord[]>();
  private readonly endpointsByVersion = new Map<string, EndpointRecord[]>();
  private readonly servicesByWorkspace = new Map<string, Set<string>>();
  /** Lowercased "name\ndescription" per record, for search. */
  private haystack = new WeakMap<ServiceRecord, string>();
  /** Per `workspace|sort field`: the services sorted ascending, with their haystacks. Dropped on write. */
  private readonly sortCache = new Map<string, SortedEntry[]>();

  /** Called after every mutation (the persister hooks in here). */
  onChange: () => void = () => {};

  changed(): void {
    this.onChange();
  }

  // ---- load / dump -------------------------------------------------------

  load(s: StateFile): void {
    this.clear();
    this.seed = s.seed;
    this.jwtSecret = s.jwt_secret;
    for (const o of s.organizations) this.organizations.set(o.id, o);
    for (const w of s.workspaces) this.workspaces.set(w.id, w);
    for (const r of s.rings) this.rings.set(r.id, r);
    for (const u of s.users) this.users.set(u.id, u);
    for (const k of s.api_keys) this.apiKeys.set(k.key_sha256, k);
    for (const svc of s.services) this.indexService(svc);
    for (const v of s.versions) this.indexVersion(v);
    for (const e of s.endpoints ?? []) this.indexEndpoint(e);
    for (const t of s.refresh_tokens) this.refreshTokens.set(t.token_sha256, t);
    for (const r of s.revoked_jtis) this.revokedJtis.set(r.jti, r.exp);
    for (const i of s.idempotency) this.idempotency.set(i.key, i);
    for (const c of s.connector_instances ?? []) this.connectorInstances.set(c.id, c);
    for (const r of s.service_token_revocations ?? []) this.revocations.set(r.id, r);
    this.serviceTokenSecret = s.service_token_secret ?? randomBytes(32).toString('base64url');
    for (const d of s.deployments ?? []) this.deployments.set(d.service_id, [...(this.deployments.get(d.service_id) ?? []), d]);
    for (const c of s.cloud_credentials ?? []) this.cloudCredentials.set(`${c.scope}:${c.service_id ?? c.org_id}`, c);
  }

  dump(): StateFile {
    return {
      format: 1,
      seed: this.seed,
      jwt_secret: this.jwtSecret,
      organizations: [...this.organizations.values()],
      workspaces: [...this.workspaces.values()],
      rings: [...this.rings.values()],
      users: [...this.users.values()],
      api_keys: [...this.apiKeys.values()],
      services: [...this.services.values()],
      versions: [...this.versions.values()],
      endpoints: [...this.endpoints.values()],
      refresh_tokens: [...this.refreshTokens.values()],
      revoked_jtis: [...this.revokedJtis].map(([jti, exp]) => ({ jti, exp })),
      idempotency: [...this.idempotency.values()],
      connector_instances: [...this.connectorInstances.values()],
      service_token_revocations: [...this.revocations.values()],
      service_token_secret: this.serviceTokenSecret,
      deployments: [...this.deployments.values()].flat(),
      cloud_credentials: [...this.cloudCredentials.values()],
    };
  }

  private clear(): void {
    for (const m of [
      this.organizations,
      this.workspaces,
      this.rings,
      this.users,
      this.apiKeys,
      this.services,
      this.versions,
      this.endpoints,
      this.endpointsByVersion,
      this.refreshTokens,
      this.revokedJtis,
      this.idempotency,
      this.connectorInstances,
      this.revocations,
      this.slugIndex,
      this.versionsByService,
      this.servicesByWorkspace,
      this.sortCache,
      this.matchCache,
      this.deployments,
      this.cloudCredentials,
    ] as Map<unknown, unknown>[]) {
      m.clear();
    }
    this.haystack = new WeakMap();
  }

  // ---- scope ---------------------------------------------------------------

  workspaceIn(orgId: string, workspaceId: string): Workspace | undefined {
    const ws = this.workspaces.get(workspaceId);
    return ws && ws.org_id === orgId ? ws : undefined;
  }

  ringsOf(workspaceId: string): RingRecord[] {
    return [...this.rings.values()].filter((r) => r.workspace_id === workspaceId).sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  }

  // ---- services ------------------------------------------------------------

  private indexService(s: ServiceRecord): void {
    this.services.set(s.id, s);
    this.slugIndex.set(`${s.workspace_id}|${s.slug}`, s.id);
    let set = this.servicesByWorkspace.get(s.workspace_id);
    if (!set) this.servicesByWorkspace.set(s.workspace_id, (set = new Set()));
    set.add(s.id);
    this.haystack.set(s, `${s.name}\n${s.description ?? ''}`.toLowerCase());
    this.invalidate(s.workspace_id);
  }

  private invalidate(workspaceId: string): void {
    for (const k of this.sortCache.keys()) if (k.startsWith(`${workspaceId}|`)) this.sortCache.delete(k);
    for (const k of this.matchCache.keys()) if (k.startsWith(`${workspaceId}|`)) this.matchCache.delete(k);
  }

  /** Recent filter results (ascending), so paging and repeated searches skip the scan. Dropped on write. */
  private readonly matchCache = new Map<string, SortedEntry[]>();
  private static readonly MATCH_CACHE_MAX = 64;
  /** Set false to measure the uncached scan. */
  cacheMatches = true;

  serviceIn(workspaceId: string, serviceId: string): ServiceRecord | undefined {
    const s = this.services.get(serviceId);
    return s && s.workspace_id === workspaceId ? s : undefined;
  }

  serviceBySlug(workspaceId: string, slug: string): ServiceRecord | undefined {
    const id = this.slugIndex.get(`${workspaceId}|${slug}`);
    return id ? this.services.get(id) : undefined;
  }

  insertService(s: ServiceRecord): void {
    this.indexService(s);
    this.changed();
  }

  replaceService(s: ServiceRecord): void {
    const old = this.services.get(s.id);
    if (old && old.slug !== s.slug) this.slugIndex.delete(`${old.workspace_id}|${old.slug}`);
    this.indexService(s);
    this.changed();
  }

  deleteService(id: string): void {
    const s = this.services.get(id);
    if (!s) return;
    this.services.delete(id);
    this.slugIndex.delete(`${s.workspace_id}|${s.slug}`);
    this.servicesByWorkspace.get(s.workspace_id)?.delete(id);
    for (const v of this.versionsByService.get(id) ?? []) {
      this.versions.delete(v.id);
      for (const e of this.endpointsByVersion.get(v.id) ?? []) this.endpoints.delete(e.id);
      this.endpointsByVersion.delete(v.id);
    }
    this.versionsByService.delete(id);
    this.deployments.delete(id);
    this.cloudCredentials.delete(`service:${id}`);
    this.invalidate(s.workspace_id);
    this.changed();
  }

  /** The services of a workspace sorted ascending by `field` (ties by id), cached until the next write. */
  private sorted(workspaceId: string, field: SortField): SortedEntry[] {
    const key = `${workspaceId}|${field}`;
    const hit = this.sortCache.get(key);
    if (hit) return hit;
    const ids = this.servicesByWorkspace.get(workspaceId) ?? new Set<string>();
    const list: ServiceRecord[] = [];
    for (const id of ids) {
      const s = this.services.get(id);
      if (s) list.push(s);
    }
    const cmp =
      field === 'name' ? (a: ServiceRecord, b: ServiceRecord) => collator.compare(a.name, b.name) : (a: ServiceRecord, b: ServiceRecord) => (a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : 0);
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

  // ---- versions ------------------------------------------------------------

  private indexVersion(v: VersionRecord): void {
    this.versions.set(v.id, v);
    let list = this.versionsByService.get(v.service_id);
    if (!list) this.versionsByService.set(v.service_id, (list = []));
    const i = list.findIndex((x) => x.id === v.id);
    if (i >= 0) list[i] = v;
    else list.push(v);
    list.sort((a, b) => a.version - b.version);
  }

  insertVersion(v: VersionRecord): void {
    this.indexVersion(v);
    this.changed();
  }

  /** Replace a version record (same id). */
  updateVersion(v: VersionRecord): void {
    this.indexVersion(v);
    this.changed();
  }

  /** Ascending by version number. */
  versionsOf(serviceId: string): readonly VersionRecord[] {
    return this.versionsByService.get(serviceId) ?? [];
  }

  versionIn(serviceId: string, versionId: string): VersionRecord | undefined {
    const v = this.versions.get(versionId);
    return v && v.service_id === serviceId ? v : undefined;
  }

  // ---- endpoints -----------------------------------------------------------

  private indexEndpoint(e: EndpointRecord): void {
    this.endpoints.set(e.id, e);
    let list = this.endpointsByVersion.get(e.version_id);
    if (!list) this.endpointsByVersion.set(e.version_id, (list = []));
    const i = list.findIndex((x) => x.id === e.id);
    if (i >= 0) list[i] = e;
    else list.push(e);
  }

  /** Insert or replace an endpoint. */
  putEndpoint(e: EndpointRecord): void {
    this.indexEndpoint(e);
    this.changed();
  }

  deleteEndpoint(id: string): void {
    const e = this.endpoints.get(id);
    if (!e) return;
    this.endpoints.delete(id);
    const list = this.endpointsByVersion.get(e.version_id);
    if (list) this.endpointsByVersion.set(e.version_id, list.filter((x) => x.id !== id));
    this.changed();
  }

  /** A version's endpoints, in insertion order. */
  endpointsOf(versionId: string): readonly EndpointRecord[] {
    return this.endpointsByVersion.get(versionId) ?? [];
  }

  endpointIn(serviceId: string, endpointId: string): EndpointRecord | undefined {
    const e = this.endpoints.get(endpointId);
    return e && this.versionIn(serviceId, e.version_id) ? e : undefined;
  }

  /** The contract's HostedService: the record plus the fields derived from its versions. */
  toHostedService(s: ServiceRecord): HostedService {
    let active: VersionRecord | undefined;
    let draft: VersionRecord | undefined;
    for (const v of this.versionsOf(s.id)) {
      if (v.status === 'active') active = v;
      else if (v.status === 'draft') draft = v;
    }
    return {
      ...s,
      deployment_state: liveDeploymentState(this, s),
      active_version_id: active?.id ?? null,
      active_version: active?.version ?? null,
      draft_version_id: draft?.id ?? null,
      draft_version: draft?.version ?? null,
    };
  }

  // ---- tokens and idempotency ----------------------------------------------

  revokeJti(jti: string, exp: number): void {
    const now = Math.floor(Date.now() / 1000);
    for (const [k, e] of this.revokedJtis) if (e < now) this.revokedJtis.delete(k);
    this.revokedJtis.set(jti, exp);
    this.changed();
  }

  purgeIdempotency(maxAgeMs: number): void {
    const cutoff = Date.now() - maxAgeMs;
    for (const [k, r] of this.idempotency) if (r.created_at < cutoff) this.idempotency.delete(k);
  }
}
