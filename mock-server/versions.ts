/**
 * Versions, endpoints and traffic (CONTRACT §3): the rules, apart from the
 * routes so that the seed and the tests use the same ones.
 *
 * - One draft at a time; a new draft starts from the endpoints that are live.
 * - Publishing freezes the endpoints into `endpoint_snapshot`, generates the
 *   `skill_snapshot`, and makes the version active with `traffic_percent`; the
 *   versions that served before share the rest in proportion to their shares.
 * - A serving version (active or draining) left with 0% is archived for good.
 */
import { randomUUID } from 'node:crypto';
import { splitAfterPublish } from '../src/contract/traffic-rules';
import { HTTP_METHODS, type EndpointSnapshot, type SkillSnapshot } from '../src/contract/versions';
import { conflict, HttpError, notFound } from './errors';
import type { EndpointRecord, ServiceRecord, Store, VersionRecord } from './store';

export const isServing = (v: VersionRecord) => v.status === 'active' || v.status === 'draining';
export const isPublished = (v: VersionRecord) => v.status !== 'draft';

const methodRank = (m: string) => {
  const i = (HTTP_METHODS as readonly string[]).indexOf(m);
  return i < 0 ? HTTP_METHODS.length : i;
};

/** Endpoints in a stable reading order: by path, then GET, POST, PUT, PATCH, DELETE. */
export function sortEndpoints<T extends { method: string; path: string }>(eps: readonly T[]): T[] {
  return [...eps].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : methodRank(a.method) - methodRank(b.method)));
}

/** `POST /documents/{document_id}/summarize` → `post_documents_document_id_summarize`. */
export function toolBaseName(method: string, path: string): string {
  const words = `${method} ${path}`
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const name = words.join('_');
  return /^[a-z]/.test(name) ? name : `op_${name}`;
}

/** One unique snake_case name per endpoint, in the given order. */
export function toolNames(eps: readonly { method: string; path: string }[]): string[] {
  const used = new Set<string>();
  return eps.map((e) => {
    const base = toolBaseName(e.method, e.path);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    return name;
  });
}

export function endpointSnapshot(eps: readonly EndpointRecord[]): EndpointSnapshot[] {
  return sortEndpoints(eps).map((e) => ({
    method: e.method,
    path: e.path,
    summary: e.summary,
    description: e.description,
    request_schema: e.request_schema,
    response_schema: e.response_schema,
  }));
}

/** One tool per endpoint, for agent discovery (seed 000). */
export function skillSnapshot(snapshot: readonly EndpointSnapshot[]): SkillSnapshot {
  const names = toolNames(snapshot);
  return {
    tools: snapshot.map((e, i) => ({
      name: names[i]!,
      description: e.summary,
      method: e.method,
      path: e.path,
      input_schema: e.request_schema,
    })),
  };
}

export const draftOf = (store: Store, serviceId: string) => store.versionsOf(serviceId).find((v) => v.status === 'draft');
export const activeOf = (store: Store, serviceId: string) => store.versionsOf(serviceId).find((v) => v.status === 'active');

/** Bump the service's `updated_at` (its versions are part of it). */
export function touch(store: Store, service: ServiceRecord, now: string, changes: Partial<ServiceRecord> = {}): void {
  store.replaceService({ ...service, ...changes, updated_at: now });
}

/** `POST …/versions`: a new draft whose endpoints are those of the active version (else the latest). */
export function createDraft(store: Store, service: ServiceRecord, now: string): VersionRecord {
  const all = store.versionsOf(service.id);
  const draft = all.find((v) => v.status === 'draft');
  if (draft) throw conflict(`Version ${draft.version} is already a draft; publish or edit it`);
  const source = all.find((v) => v.status === 'active') ?? all[all.length - 1];
  const version: VersionRecord = {
    id: randomUUID(),
    service_id: service.id,
    version: (all[all.length - 1]?.version ?? 0) + 1,
    status: 'draft',
    traffic_percent: 0,
    endpoint_snapshot: null,
    skill_snapshot: null,
    created_at: now,
    published_at: null,
  };
  store.insertVersion(version);
  if (source) {
    for (const e of store.endpointsOf(source.id)) {
      store.putEndpoint({ ...e, id: randomUUID(), version_id: version.id, created_at: now, updated_at: now });
    }
  }
  touch(store, service, now);
  return version;
}

/** The draft an endpoint write applies to, or the 409 that says why there is none. */
export function requireDraft(store: Store, service: ServiceRecord): VersionRecord {
  const draft = draftOf(store, service.id);
  if (!draft) throw conflict('This service has no draft version. Create a new version to change endpoints.');
  return draft;
}

/** A write to an endpoint of a published version is a 409. */
export function requireEditable(store: Store, endpoint: EndpointRecord): VersionRecord {
  const v = store.versions.get(endpoint.version_id);
  if (!v) throw notFound('Version');
  if (v.status !== 'draft') throw conflict(`Version ${v.version} is published; its endpoints cannot change. Create a new version.`);
  return v;
}

/** The method+path conflict (a 409 in the validation-array form, like the duplicate slug). */
export function assertUniqueRoute(store: Store, versionId: string, method: string, path: string, exceptId?: string): void {
  const clash = store.endpointsOf(versionId).find((e) => e.id !== exceptId && e.method === method && e.path === path);
  if (clash) throw conflict([{ loc: ['body', 'path'], msg: `${method} ${path} already exists in this version`, type: 'conflict' }]);
}

/** `POST …/versions/{id}/publish`: the rules of CONTRACT §3. Returns the published version. */
export function publish(store: Store, service: ServiceRecord, version: VersionRecord, trafficPercent: number, now: string): VersionRecord {
  if (version.status === 'archived') throw conflict(`Version ${version.version} is archived`);
  if (version.status !== 'draft') throw conflict(`Version ${version.version} is already published`);
  const eps = store.endpointsOf(version.id);
  if (eps.length === 0) throw new HttpError(422, `Version ${version.version} has no endpoints; add at least one before publishing`);

  // Versions serving before (busiest first, as the console lists them) share what the new one does not
  // take, by the contract's rule (the console previews the same); the first publish takes everything.
  const serving = store
    .versionsOf(service.id)
    .filter(isServing)
    .sort((a, b) => b.traffic_percent - a.traffic_percent || b.version - a.version);
  const split = new Map(splitAfterPublish(serving.map((v) => ({ id: v.id, percent: v.traffic_percent })), version.id, trafficPercent).map((x) => [x.id, x.percent]));
  const t = split.get(version.id) ?? 100;
  for (const v of serving) {
    const share = split.get(v.id) ?? 0;
    store.updateVersion({ ...v, traffic_percent: share, status: share === 0 ? 'archived' : 'draining' });
  }

  const snapshot = endpointSnapshot(eps);
  const published: VersionRecord = {
    ...version,
    status: 'active',
    traffic_percent: t,
    endpoint_snapshot: snapshot,
    skill_snapshot: skillSnapshot(snapshot),
    published_at: now,
  };
  store.updateVersion(published);
  touch(store, service, now, service.status === 'draft' ? { status: 'active' } : {});
  return published;
}

/**
 * `PUT …/traffic` once validated: set each serving version's share; 0 archives
 * it; an active version at 0 hands over to the busiest remaining one
 * (rollback), and a draining version at 100 becomes active (promotion).
 */
export function applyTraffic(store: Store, service: ServiceRecord, allocations: readonly { version_id: string; percent: number }[], now: string): void {
  const percent = new Map(allocations.map((a) => [a.version_id, a.percent]));
  const serving = store.versionsOf(service.id).filter(isServing);
  const active = serving.find((v) => v.status === 'active');
  const remaining = serving.filter((v) => (percent.get(v.id) ?? 0) > 0);
  let nextActive = active;
  if (!active || (percent.get(active.id) ?? 0) === 0) {
    // Rollback (or promotion of the only one left): the busiest remaining version, the newest on a tie.
    nextActive = [...remaining].sort((a, b) => (percent.get(b.id) ?? 0) - (percent.get(a.id) ?? 0) || b.version - a.version)[0];
  }
  for (const v of serving) {
    const p = percent.get(v.id) ?? 0;
    const status: VersionRecord['status'] = p === 0 ? 'archived' : v.id === nextActive?.id ? 'active' : 'draining';
    if (status !== v.status || p !== v.traffic_percent) store.updateVersion({ ...v, status, traffic_percent: p });
  }
  touch(store, service, now);
}

/**
 * The published version `?version=N` names, else the active one, else the
 * newest published one; for the OpenAPI document and the stubs.
 */
export function publishedVersion(store: Store, service: ServiceRecord, n: number | undefined): VersionRecord & { endpoint_snapshot: EndpointSnapshot[] } {
  const all = store.versionsOf(service.id);
  let v: VersionRecord | undefined;
  if (n !== undefined) {
    v = all.find((x) => x.version === n);
    if (!v) throw notFound('Version');
    if (v.status === 'draft') throw conflict(`Version ${n} is a draft; publish it to generate its API description`);
  } else {
    v = all.find((x) => x.status === 'active') ?? [...all].reverse().find(isPublished);
    if (!v) throw conflict('This service has no published version');
  }
  return { ...v, endpoint_snapshot: v.endpoint_snapshot ?? [] };
}
