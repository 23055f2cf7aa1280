/**
 * From an endpoint's JSON Schema to a small type model that both stub
 * generators print: named object types (nested objects get their own names),
 * arrays, dictionaries, literal unions (enum/const), unions (type lists,
 * anyOf/oneOf; `null` members make a type nullable) and primitives. Anything
 * the model cannot express is `any`, never an error: a stub must always build.
 */
import type { EndpointSnapshot } from '../../src/contract/versions';
import { toolNames } from '../versions/rules';

/** What a generated client describes: a published version of a service. */
export interface StubInput {
  serviceName: string;
  serviceId: string;
  orgId: string;
  version: number;
  snapshot: readonly EndpointSnapshot[];
}

export type Literal = string | number | boolean | null;

/** A type with nothing inside: each language has a name for each. */
export type Scalar = 'string' | 'integer' | 'number' | 'boolean' | 'null' | 'any';

export type TypeRef =
  | { kind: Scalar }
  | { kind: 'array'; items: TypeRef }
  | { kind: 'dict'; values: TypeRef }
  | { kind: 'literal'; values: Literal[] }
  | { kind: 'union'; members: TypeRef[] }
  | { kind: 'named'; name: string };

export interface Field {
  key: string;
  type: TypeRef;
  required: boolean;
  description: string | undefined;
}

export type Decl =
  { kind: 'object'; name: string; description: string | undefined; fields: Field[] } | { kind: 'alias'; name: string; type: TypeRef };

const MAX_DEPTH = 24;
const PRIMS = new Set(['string', 'integer', 'number', 'boolean', 'null']);

type Schema = Record<string, unknown>;
const isObj = (x: unknown): x is Schema => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown) => (typeof x === 'string' ? x : undefined);

/** ASCII words of any text: `"my-field 2"` → `["my", "field", "2"]`. */
export function words(s: string): string[] {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

export function pascal(s: string, fallback: string): string {
  const w = words(s)
    .map((x) => x[0]!.toUpperCase() + x.slice(1).toLowerCase())
    .join('');
  if (!w) return fallback;
  return /^[0-9]/.test(w) ? `${fallback}${w}` : w;
}

export function camel(s: string, fallback: string): string {
  const p = pascal(s, '');
  if (!p) return fallback;
  const c = p[0]!.toLowerCase() + p.slice(1);
  return /^[0-9]/.test(c) ? `${fallback}${p}` : c;
}

/** Unique names within one generated file. */
export class Names {
  private readonly used = new Set<string>();
  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.used.add(r);
  }
  take(base: string): string {
    let name = base;
    for (let n = 2; this.used.has(name); n++) name = `${base}${n}`;
    this.used.add(name);
    return name;
  }
}

function unionOf(members: TypeRef[]): TypeRef {
  const flat: TypeRef[] = [];
  const seen = new Set<string>();
  for (const m of members.flatMap((x) => (x.kind === 'union' ? x.members : [x]))) {
    if (m.kind === 'any') return m;
    const key = JSON.stringify(m);
    if (!seen.has(key)) {
      seen.add(key);
      flat.push(m);
    }
  }
  if (flat.length === 0) return { kind: 'any' };
  return flat.length === 1 ? flat[0]! : { kind: 'union', members: flat };
}

/** Object-like: `type: "object"` (or a list with it), or properties without a type. */
const objectLike = (s: Schema) =>
  s.type === 'object' || (s.type === undefined && (isObj(s.properties) || s.additionalProperties !== undefined));

export class TypeModel {
  readonly decls: Decl[] = [];
  constructor(readonly names: Names) {}

  /** The type of `schema`, declaring named types (children before parents) as needed. */
  convert(schema: unknown, hint: string, depth = 0): TypeRef {
    if (!isObj(schema) || depth > MAX_DEPTH) return { kind: 'any' };
    const next = depth + 1;
    if (Array.isArray(schema.enum)) return this.literals(schema.enum);
    if ('const' in schema) return this.literals([schema.const]);
    if (schema.nullable === true) {
      const { nullable: _n, ...rest } = schema;
      return unionOf([this.convert(rest, hint, next), { kind: 'null' }]);
    }
    for (const key of ['anyOf', 'oneOf'] as const) {
      const opts = schema[key];
      if (Array.isArray(opts) && opts.length > 0) {
        const nonNull = opts.filter((o) => !(isObj(o) && o.type === 'null'));
        return unionOf(
          opts.map((o, i) =>
            isObj(o) && o.type === 'null' ? { kind: 'null' } : this.convert(o, nonNull.length > 1 ? `${hint}Option${i + 1}` : hint, next),
          ),
        );
      }
    }
    if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
      const parts = schema.allOf.filter(isObj);
      if (parts.length === 1) return this.convert(parts[0], hint, next);
      if (parts.length === schema.allOf.length && parts.every(objectLike)) {
        const properties: Schema = {};
        const required: string[] = [];
        for (const p of parts) {
          if (isObj(p.properties)) Object.assign(properties, p.properties);
          if (Array.isArray(p.required)) required.push(...p.required.filter((r): r is string => typeof r === 'string'));
        }
        return this.convert({ type: 'object', properties, required, description: schema.description }, hint, next);
      }
      return { kind: 'any' };
    }
    if (Array.isArray(schema.type)) {
      const types = schema.type.filter((t): t is string => typeof t === 'string');
      return unionOf(types.map((t) => this.convert({ ...schema, type: t }, hint, next)));
    }
    const type = str(schema.type);
    if (type !== undefined && PRIMS.has(type)) return { kind: type as 'string' };
    if (type === 'array')
      return { kind: 'array', items: schema.items === undefined ? { kind: 'any' } : this.convert(schema.items, `${hint}Item`, next) };
    if (type === 'object' || objectLike(schema)) {
      const props = isObj(schema.properties) ? Object.entries(schema.properties) : [];
      if (props.length === 0) {
        const ap = schema.additionalProperties;
        return { kind: 'dict', values: isObj(ap) ? this.convert(ap, `${hint}Value`, next) : { kind: 'any' } };
      }
      const name = this.names.take(hint);
      const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []);
      const fields: Field[] = props.map(([key, sub]) => ({
        key,
        type: this.convert(sub, `${hint}${pascal(key, 'Field')}`, next),
        required: required.has(key),
        description: isObj(sub) ? str(sub.description) : undefined,
      }));
      this.decls.push({ kind: 'object', name, description: str(schema.description), fields });
      return { kind: 'named', name };
    }
    return { kind: 'any' };
  }

  private literals(values: unknown[]): TypeRef {
    const ok = values.filter((v): v is Literal => v === null || ['string', 'number', 'boolean'].includes(typeof v));
    if (ok.length === 0 || ok.length !== values.length) return { kind: 'any' };
    return { kind: 'literal', values: [...new Set(ok)] };
  }

  /** Declare `name` for `schema`: the object type itself, or an alias of whatever it is. */
  declare(schema: unknown, name: string): string {
    const before = this.decls.length;
    const t = this.convert(schema, name);
    if (t.kind === 'named' && this.decls.length > before && this.decls[this.decls.length - 1]!.name === t.name) return t.name;
    const alias = this.names.take(name);
    this.decls.push({ kind: 'alias', name: alias, type: t });
    return alias;
  }
}

export interface PathPart {
  literal?: string;
  param?: string;
}

/** `/documents/{document_id}/summary` → literal `/documents/`, param `document_id`, literal `/summary`. */
export function pathParts(path: string): PathPart[] {
  const parts: PathPart[] = [];
  let last = 0;
  for (const m of path.matchAll(/\{([^{}/]+)\}/g)) {
    if (m.index > last) parts.push({ literal: path.slice(last, m.index) });
    parts.push({ param: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < path.length) parts.push({ literal: path.slice(last) });
  return parts;
}

export const pathParams = (path: string) => [...new Set(pathParts(path).flatMap((p) => (p.param ? [p.param] : [])))];

export const usesQuery = (method: string) => method === 'GET' || method === 'DELETE';

/** The request schema less the path parameters (GET and DELETE send the rest as the query). */
export function querySchema(e: EndpointSnapshot): Schema {
  const s = e.request_schema;
  const params = new Set(pathParams(e.path));
  const props = isObj(s.properties) ? Object.fromEntries(Object.entries(s.properties).filter(([k]) => !params.has(k))) : {};
  const required = Array.isArray(s.required)
    ? s.required.filter((r): r is string => typeof r === 'string' && !params.has(r) && r in props)
    : [];
  return { ...s, type: 'object', properties: props, required };
}

const hasProperties = (s: Schema) => isObj(s.properties) && Object.keys(s.properties).length > 0;
const hasRequired = (s: Schema) => Array.isArray(s.required) && s.required.length > 0;
/** A body may be left out when it is an object with nothing required. */
export const bodyOptional = (s: Schema) => objectLike(s) && !hasRequired(s) && !Array.isArray(s.anyOf) && !Array.isArray(s.oneOf);

/** The schema of a path parameter, if the request schema describes it. */
export function paramSchema(e: EndpointSnapshot, name: string): unknown {
  const props = e.request_schema.properties;
  return isObj(props) ? props[name] : undefined;
}

export interface StubOperation {
  endpoint: EndpointSnapshot;
  tool: string;
  params: string[];
}

export function stubOperations(snapshot: readonly EndpointSnapshot[]): StubOperation[] {
  const names = toolNames(snapshot);
  return snapshot.map((endpoint, i) => ({ endpoint, tool: names[i]!, params: pathParams(endpoint.path) }));
}

/** The types a stub's method takes and returns, as declared in `model` (each stub writes them in its own language). */
export interface MethodTypes {
  /** GET and DELETE with query parameters: their type, and whether one must be given. */
  query?: { type: string; required: boolean };
  /** Any other method: the body's type, and whether it may be left out. */
  body?: { type: string; optional: boolean };
  response: string;
}

/** A method of a client stub: its endpoint and tool name, the variable of each path parameter, its types, and its path in parts. */
export interface StubMethod {
  op: StubOperation;
  params: { name: string; variable: string; schema: unknown }[];
  types: MethodTypes;
  /** The path's literals, and its parameters with their variables. */
  path: { literal?: string; variable?: string }[];
}

/**
 * What a client stub is, in any language: the client's name and the types it
 * declares (`model`), named apart from `moduleNames` and from each other, and
 * a method per operation, whose path parameters are named by `variable` apart
 * from `argNames` (the method's other arguments).
 */
export function planStub(
  input: StubInput,
  o: { moduleNames: readonly string[]; argNames: readonly string[]; variable: (param: string) => string },
): { clientName: string; model: TypeModel; methods: StubMethod[] } {
  const names = new Names(o.moduleNames);
  const clientName = names.take(`${pascal(input.serviceName, 'Service')}Client`);
  const model = new TypeModel(names);
  const methods = stubOperations(input.snapshot).map((op): StubMethod => {
    const argNames = new Names(o.argNames);
    const params = op.params.map((name) => ({ name, variable: argNames.take(o.variable(name)), schema: paramSchema(op.endpoint, name) }));
    const variables = new Map(params.map((p) => [p.name, p.variable]));
    const path = pathParts(op.endpoint.path).map((part) => (part.param !== undefined ? { variable: variables.get(part.param)! } : part));
    return { op, params, types: methodTypes(op, model), path };
  });
  return { clientName, model, methods };
}

/** Declare an operation's query or body type, then its response type (`<Tool>Params`, `<Tool>Request`, `<Tool>Response`). */
function methodTypes(op: StubOperation, model: TypeModel): MethodTypes {
  const e = op.endpoint;
  const base = pascal(op.tool, 'Operation');
  const types: Omit<MethodTypes, 'response'> = {};
  if (!usesQuery(e.method))
    types.body = { type: model.declare(e.request_schema, `${base}Request`), optional: bodyOptional(e.request_schema) };
  else {
    const q = querySchema(e);
    if (hasProperties(q)) types.query = { type: model.declare(q, `${base}Params`), required: hasRequired(q) };
  }
  return { ...types, response: model.declare(e.response_schema, `${base}Response`) };
}

// ---- text safety ------------------------------------------------------------

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** User text made one safe line: no control characters, no line breaks of any kind, no lone surrogates. */
export function oneLine(s: string | null | undefined, max = 300): string {
  const t = (s ?? '')
    .replace(LONE_SURROGATE, '\uFFFD')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** Escape every non-ASCII or non-printable code unit as `\uXXXX`. */
export function asciiEscape(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
