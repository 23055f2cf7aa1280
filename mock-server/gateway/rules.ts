/**
 * The gateway's choices (CONTRACT §7): which version answers (pinned with
 * `v{N}`, else picked at random by the traffic split), which of its endpoints
 * a method and path name (literal segments beat `{params}`), and whether the
 * request fits the endpoint's request schema. The sync gateway and async
 * submits (jobs/) check a call the same way, with `prepareCall`.
 */
import type { ValidationIssue } from '../../src/contract/common';
import type { EndpointSnapshot } from '../../src/contract/versions';
import { conflict, HttpError } from '../core/errors';
import type { ServiceRecord } from '../services/records';
import type { VersionRecord } from '../versions/records';
import type { Store } from '../core/store';
import { isServing } from '../../src/contract/versions-rules';
import { CheckTooCostly } from './check-pool';
import { coerceParam, schemaIssues } from './json-schema-check';

export function pickVersion(store: Store, serviceId: string, pinned: number | undefined): VersionRecord {
  const all = store.versionsOf(serviceId);
  if (pinned !== undefined) {
    const v = all.find((x) => x.version === pinned);
    if (!v) throw new HttpError(404, `Version ${pinned} not found`);
    if (v.status === 'draft') throw new HttpError(404, `Version ${pinned} is not published`);
    if (v.status === 'archived') throw new HttpError(404, `Version ${pinned} is archived`);
    return v;
  }
  const serving = all.filter((v) => isServing(v) && v.traffic_percent > 0);
  if (serving.length === 0) throw conflict('This service has no published version');
  const total = serving.reduce((n, v) => n + v.traffic_percent, 0);
  let r = Math.random() * total;
  for (const v of serving) {
    r -= v.traffic_percent;
    if (r < 0) return v;
  }
  return serving[serving.length - 1]!;
}

/** Match `segments` against the version's templates: literal segments beat `{params}`. */
export function findEndpoint(
  v: VersionRecord,
  method: string,
  segments: string[],
): { endpoint: EndpointSnapshot; params: Record<string, string> } {
  const candidates: { e: EndpointSnapshot; params: Record<string, string>; score: number }[] = [];
  for (const e of v.endpoint_snapshot ?? []) {
    const tpl = e.path.split('/').filter(Boolean);
    if (tpl.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let score = 0;
    let ok = true;
    tpl.forEach((t, i) => {
      const m = /^\{([a-z_][a-z0-9_]*)\}$/.exec(t);
      if (m) params[m[1]!] = segments[i]!;
      else if (t === segments[i]) score++;
      else ok = false;
    });
    if (ok) candidates.push({ e, params, score });
  }
  const shown = `/${segments.join('/')}`;
  if (candidates.length === 0)
    throw new HttpError(404, `No endpoint ${method} ${shown} in version ${v.version}`, { 'X-Service-Version': String(v.version) });
  const withMethod = candidates.filter((c) => c.e.method === method).sort((a, b) => b.score - a.score);
  if (withMethod.length === 0) {
    const allow = [...new Set(candidates.map((c) => c.e.method))].join(', ');
    throw new HttpError(405, `Method Not Allowed: ${shown} accepts ${allow} in version ${v.version}`, {
      Allow: allow,
      'X-Service-Version': String(v.version),
    });
  }
  return { endpoint: withMethod[0]!.e, params: withMethod[0]!.params };
}

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** `v2/status` → version 2 and `['status']`; `status` → unpinned. */
export function splitPin(segments: string[]): { pinned: number | undefined; segments: string[] } {
  const pin = segments.length > 1 ? /^v([0-9]{1,6})$/.exec(segments[0]!) : null;
  return pin ? { pinned: Number(pin[1]), segments: segments.slice(1) } : { pinned: undefined, segments };
}

/** The path as called, `/extract`, without the pin (`v2/`): what the request log shows when no endpoint matched. */
export function calledPath(requestPath: string, skip: number): string {
  return `/${splitPin(pathSegments(requestPath, skip)).segments.join('/')}`;
}

/** The `{path}` of a gateway URL, after its first `skip` segments, decoded. */
export function pathSegments(requestPath: string, skip: number): string[] {
  return requestPath.split('/').slice(skip).filter(Boolean).map(decode);
}

export interface PreparedCall {
  version: VersionRecord;
  endpoint: EndpointSnapshot;
  /** The path called, e.g. `/extractions/42` (without the version pin). */
  path: string;
  /** What was checked against the request schema: the body, or for GET and DELETE the query and path parameters. */
  input: unknown;
}

const BODYLESS = new Set(['GET', 'DELETE']);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A call checked as the gateway checks it: the version (pinned or by split),
 * the endpoint, and the input against its request schema (a 422 in the
 * FastAPI shape, with `X-Service-Version`).
 */
export async function prepareCall(
  store: Store,
  service: ServiceRecord,
  call: {
    method: string;
    segments: string[];
    query: Record<string, string[]>;
    body: unknown;
    /** Told of the endpoint as soon as it is found, before the input is checked (the request log records its template). */
    onMatch?: (endpoint: EndpointSnapshot) => void;
  },
): Promise<PreparedCall> {
  const { pinned, segments } = splitPin(call.segments);
  const version = pickVersion(store, service.id, pinned);
  const versionHeader = { 'X-Service-Version': String(version.version) };
  const { endpoint, params } = findEndpoint(version, call.method, segments);
  call.onMatch?.(endpoint);

  const schema = endpoint.request_schema;
  const props = (typeof schema.properties === 'object' && schema.properties !== null ? schema.properties : {}) as Record<string, unknown>;
  let input: unknown;
  const fromPath = new Set<string>();
  let where: 'body' | 'query';
  if (BODYLESS.has(call.method)) {
    where = 'query';
    // No prototype: a parameter named __proto__ is a parameter like any other.
    const q: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [k, vals] of Object.entries(call.query)) if (vals[0] !== undefined) q[k] = coerceParam(props[k], vals[0]);
    input = q;
  } else {
    where = 'body';
    // A copy, so that the path parameters added below leave the body as sent (the idempotency check
    // has read it). Spread defines own properties: a key named __proto__ stays a key.
    input = isObject(call.body) ? { ...call.body } : call.body;
  }
  if (isObject(input)) {
    const obj = input;
    for (const [k, raw] of Object.entries(params)) {
      if (!Object.hasOwn(obj, k)) {
        Object.defineProperty(obj, k, { value: coerceParam(props[k], raw), enumerable: true, writable: true, configurable: true });
        fromPath.add(k);
      }
    }
  }
  let found: ValidationIssue[];
  try {
    found = await schemaIssues(schema, input);
  } catch (e) {
    if (e instanceof CheckTooCostly) {
      throw new HttpError(
        413,
        `This request is too costly to check against the endpoint's request schema (more than ${e.budgetMs} ms); send a smaller body`,
        versionHeader,
      );
    }
    throw e;
  }
  const issues = found.map((i) => ({ ...i, loc: [typeof i.loc[0] === 'string' && fromPath.has(i.loc[0]) ? 'path' : where, ...i.loc] }));
  if (issues.length) throw new HttpError(422, issues, versionHeader);
  return { version, endpoint, path: `/${segments.join('/')}`, input };
}
