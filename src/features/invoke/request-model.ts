import { exampleOf } from '@/contract/schema-example';
import type { ServiceVersionRead } from '@/contract/versions';
import type { VersionChoice } from '@/data/invoke/gateway-url';

type Schema = Record<string, unknown>;
const isObj = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

export type EndpointDef = { method: string; path: string; summary: string | null; request_schema: Schema; response_schema: Schema };

/** One endpoint as the Test tab offers it: `METHOD path`, and the serving versions that have it. */
export type EndpointChoice = { key: string; method: string; path: string; summary: string | null; versions: number[] };

export const endpointKey = (e: { method: string; path: string }) => `${e.method} ${e.path}`;

/** Methods whose call carries a JSON body; GET and DELETE send their input as query parameters. */
export const takesBody = (method: string) => method !== 'GET' && method !== 'DELETE';

/** Async jobs are submitted with POST (seed 001): only POST endpoints can run as a job. */
export const runsAsJob = (method: string) => method === 'POST';

/**
 * The endpoints of the serving versions (those with traffic or still
 * draining), each once, with the versions that have it: endpoints differ from
 * version to version.
 */
export function endpointChoices(serving: readonly Pick<ServiceVersionRead, 'version' | 'endpoint_snapshot'>[]): EndpointChoice[] {
  const byKey = new Map<string, EndpointChoice>();
  for (const v of serving) {
    for (const e of v.endpoint_snapshot ?? []) {
      const key = endpointKey(e);
      const seen = byKey.get(key);
      if (seen) seen.versions.push(v.version);
      else byKey.set(key, { key, method: e.method, path: e.path, summary: e.summary, versions: [v.version] });
    }
  }
  // In the order the busiest version lists them.
  return [...byKey.values()];
}

/**
 * The endpoint's definition the form is built from: the pinned version's, or
 * by split the busiest serving version's that has it (`serving` is busiest first).
 */
export function endpointDef(
  serving: readonly Pick<ServiceVersionRead, 'version' | 'endpoint_snapshot'>[],
  key: string,
  version: VersionChoice,
): EndpointDef | null {
  const pool = version.kind === 'pinned' ? serving.filter((v) => v.version === version.version) : serving;
  for (const v of pool) {
    const e = (v.endpoint_snapshot ?? []).find((x) => endpointKey(x) === key);
    if (e)
      return {
        method: e.method,
        path: e.path,
        summary: e.summary,
        request_schema: e.request_schema ?? {},
        response_schema: e.response_schema ?? {},
      };
  }
  return null;
}

/** `{document_id}` names in a path template, in order. */
export function pathParamNames(path: string): string[] {
  return [...new Set([...path.matchAll(/\{([^{}/]+)\}/g)].map((m) => m[1]!))];
}

export type ParamField = { name: string; required: boolean; type: string | null; description: string | null };

function schemaType(s: unknown): string | null {
  if (!isObj(s)) return null;
  if (typeof s.type === 'string') return s.type;
  if (Array.isArray(s.type)) return s.type.filter((t) => t !== 'null').join(' | ') || null;
  return null;
}

const propsOf = (schema: Schema): Schema => (isObj(schema.properties) ? schema.properties : {});
const requiredOf = (schema: Schema): string[] =>
  Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [];

/** The path parameters as fields (always required: they are part of the path). */
export function pathFields(e: EndpointDef): ParamField[] {
  const props = propsOf(e.request_schema);
  return pathParamNames(e.path).map((name) => ({
    name,
    required: true,
    type: schemaType(props[name]),
    description: isObj(props[name]) && typeof props[name].description === 'string' ? props[name].description : null,
  }));
}

/** GET and DELETE: the request schema's other properties are query parameters. */
export function queryFields(e: EndpointDef): ParamField[] {
  if (takesBody(e.method)) return [];
  const inPath = new Set(pathParamNames(e.path));
  const props = propsOf(e.request_schema);
  const required = new Set(requiredOf(e.request_schema));
  return Object.entries(props)
    .filter(([name]) => !inPath.has(name))
    .map(([name, s]) => ({
      name,
      required: required.has(name),
      type: schemaType(s),
      description: isObj(s) && typeof s.description === 'string' ? s.description : null,
    }));
}

/** Example values for parameters, as text, from their schemas. */
export function exampleParams(e: EndpointDef, fields: ParamField[]): Record<string, string> {
  const props = propsOf(e.request_schema);
  const out: Record<string, string> = {};
  for (const f of fields) {
    const v = props[f.name] === undefined ? (f.required ? 'value' : '') : exampleOf(props[f.name]);
    out[f.name] = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  }
  return out;
}

/** The body to start from: an example of the request schema, without the path parameters (the path carries them). */
export function exampleBody(e: EndpointDef): string {
  const example = exampleOf(e.request_schema);
  if (isObj(example)) for (const p of pathParamNames(e.path)) delete example[p];
  return JSON.stringify(example ?? {}, null, 2);
}

/** A parameter's text as the gateway reads it against its schema (numbers, booleans, null), as the gateway coerces it. */
export function coerceParam(schema: unknown, raw: string): unknown {
  const t = isObj(schema) ? (Array.isArray(schema.type) ? schema.type : [schema.type]) : [];
  if ((t.includes('integer') || t.includes('number')) && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  if (t.includes('boolean') && (raw === 'true' || raw === 'false')) return raw === 'true';
  if (t.includes('null') && raw === 'null') return null;
  return raw;
}

/** The path with its parameters filled in, each value one encoded segment. */
export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{([^{}/]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

/** Query parameters that have a value, in the schema's order. */
export function queryOf(fields: ParamField[], values: Record<string, string>): [string, string][] {
  return fields.flatMap((f) =>
    values[f.name] !== undefined && values[f.name] !== '' ? [[f.name, values[f.name]!] as [string, string]] : [],
  );
}

export const queryString = (query: [string, string][]) => (query.length ? `?${new URLSearchParams(query).toString()}` : '');

/**
 * What the gateway checks against the request schema: the body (or, for GET
 * and DELETE, the query parameters), with the path parameters added where the
 * body does not name them — as the gateway does.
 */
export function checkedInput(e: EndpointDef, body: unknown, pathValues: Record<string, string>, query: [string, string][]): unknown {
  const props = propsOf(e.request_schema);
  let input: unknown;
  if (takesBody(e.method)) input = isObj(body) ? { ...body } : body;
  else input = Object.fromEntries(query.map(([k, v]) => [k, coerceParam(props[k], v)]));
  if (isObj(input)) {
    for (const name of pathParamNames(e.path)) {
      // defineProperty: a parameter named __proto__ is a key like any other.
      if (!Object.hasOwn(input, name))
        Object.defineProperty(input, name, {
          value: coerceParam(props[name], pathValues[name] ?? ''),
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
  }
  return input;
}
