/**
 * Versions and endpoints (CONTRACT §3): the rules, apart from the routes so
 * that the seed and the tests use the same ones.
 *
 * - A new service has draft version 1; one draft at a time; a new draft
 *   starts from the endpoints that are live.
 * - Endpoints change only on the draft; method and path are unique in it.
 * - Publishing freezes the endpoints into `endpoint_snapshot`, generates the
 *   `skill_snapshot`, and makes the version active with `traffic_percent`; the
 *   versions that served before share the rest in proportion to their shares
 *   (the contract's `splitAfterPublish`, which the console previews) and are
 *   `draining`.
 * - One that a publish leaves with 0% (every one, at 100%) is still `draining`
 *   (seed 000), with `drain_ends_at` = now + the drain period (`MOCK_DRAIN_MS`);
 *   after it, it reads `archived` (the contract's `versionAt`: computed from
 *   the time, so it survives a restart). It may still be pinned meanwhile.
 */
import { randomUUID } from 'node:crypto';
import { patternProblems } from '../../src/contract/pattern-rules';
import { splitAfterPublish } from '../../src/contract/traffic-rules';
import { isDrainingOut, isPublished, servingVersions } from '../../src/contract/versions-rules';
import type * as z from 'zod/mini';
import {
  HTTP_METHODS,
  type EndpointCreate,
  type EndpointSnapshot,
  type EndpointUpdate,
  type SkillSnapshot,
} from '../../src/contract/versions';
import { conflict, HttpError, issue, notFound, validationError } from '../core/errors';
import type { ServiceRecord } from '../services/records';
import type { EndpointRecord, VersionRecord } from './records';
import type { Store } from '../core/store';

export const DEFAULT_DRAIN_MS = 60_000;

export const methodRank = (m: string) => {
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

/** Bump the service's `updated_at` (its versions are part of it). */
export function touch(store: Store, service: ServiceRecord, now: string, changes: Partial<ServiceRecord> = {}): void {
  // The stored record, which an earlier step of the same request may have changed.
  const current = store.services.get(service.id) ?? service;
  store.services.put({ ...current, ...changes, updated_at: now });
}

/** A new draft: version `version` of the service, nothing published yet. */
function newDraft(serviceId: string, version: number, now: string): VersionRecord {
  return {
    id: randomUUID(),
    service_id: serviceId,
    version,
    status: 'draft',
    traffic_percent: 0,
    endpoint_snapshot: null,
    skill_snapshot: null,
    created_at: now,
    published_at: null,
  };
}

/** Version 1 of a new service: a draft with no endpoints. */
export const firstVersion = (serviceId: string, now: string): VersionRecord => newDraft(serviceId, 1, now);

/** `POST …/versions`: a new draft whose endpoints are those of the active version (else the latest). */
export function createDraft(store: Store, service: ServiceRecord, now: string): VersionRecord {
  const all = store.versionsOf(service.id);
  const draft = all.find((v) => v.status === 'draft');
  if (draft) throw conflict(`Version ${draft.version} is already a draft; publish or edit it`);
  const source = all.find((v) => v.status === 'active') ?? all[all.length - 1];
  const version = newDraft(service.id, (all[all.length - 1]?.version ?? 0) + 1, now);
  store.versions.put(version);
  if (source) {
    for (const e of store.endpointsOf(source.id)) {
      store.endpoints.put({ ...e, id: randomUUID(), version_id: version.id, created_at: now, updated_at: now });
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
export function publish(
  store: Store,
  service: ServiceRecord,
  version: VersionRecord,
  trafficPercent: number,
  now: string,
  drainMs: number,
): VersionRecord {
  if (version.status === 'archived') throw conflict(`Version ${version.version} is archived`);
  if (version.status !== 'draft') throw conflict(`Version ${version.version} is already published`);
  const eps = store.endpointsOf(version.id);
  if (eps.length === 0) throw new HttpError(422, `Version ${version.version} has no endpoints; add at least one before publishing`);

  // Versions serving before (busiest first, as the console lists them) share what the new one does not
  // take, by the contract's rule (the console previews the same); the first publish takes everything.
  const serving = servingVersions(store.versionsOf(service.id));
  const split = new Map(
    splitAfterPublish(
      serving.map((v) => ({ id: v.id, percent: v.traffic_percent })),
      version.id,
      trafficPercent,
    ).map((x) => [x.id, x.percent]),
  );
  const t = split.get(version.id) ?? 100;
  const drainEnd = new Date(Date.parse(now) + drainMs).toISOString();
  for (const v of serving) {
    const share = split.get(v.id) ?? 0;
    // Left with nothing: it drains until drain_ends_at (one already draining out keeps its end).
    const drain_ends_at = share > 0 ? null : isDrainingOut(v) && v.drain_ends_at ? v.drain_ends_at : drainEnd;
    store.versions.put({ ...v, traffic_percent: share, status: 'draining', drain_ends_at });
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
  store.versions.put(published);
  touch(store, service, now, service.status === 'draft' ? { status: 'active' } : {});
  return published;
}

/**
 * The contract's pattern rule on an endpoint's schemas (pattern-rules.ts; the
 * editor applies the same): a pattern that could backtrack catastrophically
 * would stall the gateway's checks, so it is a 422 at the pattern.
 */
function assertSafePatterns(body: Partial<Pick<EndpointRecord, 'request_schema' | 'response_schema'>>): void {
  const issues = (['request_schema', 'response_schema'] as const).flatMap((field) =>
    patternProblems(body[field]).map((p) => issue(['body', field, ...p.path], p.message)),
  );
  if (issues.length) throw validationError(issues);
}

/** `POST …/endpoints`: a new endpoint on the draft. */
export function createEndpoint(store: Store, service: ServiceRecord, body: z.output<typeof EndpointCreate>, now: string): EndpointRecord {
  assertSafePatterns(body);
  const draft = requireDraft(store, service);
  assertUniqueRoute(store, draft.id, body.method, body.path);
  const rec = store.endpoints.put({
    id: randomUUID(),
    version_id: draft.id,
    method: body.method,
    path: body.path,
    summary: body.summary,
    description: body.description ?? null,
    request_schema: body.request_schema,
    response_schema: body.response_schema,
    created_at: now,
    updated_at: now,
  });
  touch(store, service, now);
  return rec;
}

/** `PUT …/endpoints/{id}`: a partial change of a draft's endpoint. */
export function updateEndpoint(
  store: Store,
  service: ServiceRecord,
  e: EndpointRecord,
  body: z.output<typeof EndpointUpdate>,
  now: string,
): EndpointRecord {
  assertSafePatterns(body);
  requireEditable(store, e);
  const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as Partial<EndpointRecord>;
  const merged: EndpointRecord = { ...e, ...changes, id: e.id, version_id: e.version_id, updated_at: now };
  assertUniqueRoute(store, e.version_id, merged.method, merged.path, e.id);
  store.endpoints.put(merged);
  touch(store, service, now);
  return merged;
}

/** `DELETE …/endpoints/{id}`: only on the draft. */
export function deleteEndpoint(store: Store, service: ServiceRecord, e: EndpointRecord, now: string): void {
  requireEditable(store, e);
  store.endpoints.delete(e.id);
  touch(store, service, now);
}

/**
 * The published version `?version=N` names, else the active one, else the
 * newest published one; for the OpenAPI document and the stubs.
 */
export function publishedVersion(
  store: Store,
  service: ServiceRecord,
  n: number | undefined,
): VersionRecord & { endpoint_snapshot: EndpointSnapshot[] } {
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
