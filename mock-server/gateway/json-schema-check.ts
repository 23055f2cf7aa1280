/**
 * How the gateway checks a request against an endpoint's request schema
 * (CONTRACT §7, issue 11 "Fair gateway"): with a compiled validator (Ajv,
 * JSON Schema 2020-12) in worker threads (check-pool.ts), over the subset of
 * JSON Schema the contract accepts (`src/contract/json-schema.ts`; other
 * keywords, and `format`, are not enforced), with FastAPI-shaped issues:
 * `{loc, msg, type}` as pydantic words them, at most 50.
 *
 * Bounded work: schemas are limited when saved (depth, branches, size, safe
 * patterns: `SCHEMA_LIMITS`), the gateway reads at most
 * `GATEWAY_MAX_BODY_BYTES`, and a check is abandoned past its time budget.
 * Every error is collected only for a light check (a small schema and value,
 * `LIGHT_PAIRS`), which also has a worker of its own; otherwise the first
 * error is reported.
 */
import type { ValidationIssue } from '../../src/contract/common';
import { sha256 } from '../core/hashing';
import { checkPool, type RawError } from './check-pool';

type Schema = Record<string, unknown>;
type Loc = (string | number)[];

const isObj = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A check is light when its schema is small (to compile) and its schema ×
 * value pairs are few (to run); light checks have a worker of their own, and
 * report every error. Otherwise only the first error is looked for.
 */
export const LIGHT_SCHEMA_CHARS = 4096;
export const LIGHT_PAIRS = 200_000;
export const MAX_ISSUES = 50;
/** Deeper subschemas than the save-time limit allows (an older state's) are not checked. */
const PROJECT_DEPTH = 64;

// ---- the subset, as Ajv sees it ----------------------------------------------

const SCALAR_KEYWORDS = [
  'type',
  'required',
  'enum',
  'const',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'pattern',
] as const;

interface Projected {
  key: string;
  schema: Schema;
  /** Characters of its JSON. */
  size: number;
  /** Keywords in it: the cost of checking one value against all of it. */
  weight: number;
}

function project(s: unknown, depth: number, count: { n: number }): Schema | boolean {
  if (typeof s === 'boolean') return s;
  if (!isObj(s) || depth > PROJECT_DEPTH) return {};
  const out: Schema = {};
  for (const k of SCALAR_KEYWORDS) {
    if (s[k] !== undefined) {
      out[k] = s[k];
      count.n++;
    }
  }
  if (isObj(s.properties)) {
    const props: Schema = {};
    for (const [k, sub] of Object.entries(s.properties)) props[k] = project(sub, depth + 1, count);
    out.properties = props;
    count.n++;
  }
  if (s.additionalProperties !== undefined) out.additionalProperties = project(s.additionalProperties, depth + 1, count);
  if (s.items !== undefined) out.items = project(s.items, depth + 1, count);
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = s[k];
    if (Array.isArray(branches) && branches.length) out[k] = branches.map((b) => project(b, depth + 1, count));
  }
  count.n++;
  return out;
}

/** Per schema object (published snapshots are frozen and live as long as their version). */
const projections = new WeakMap<object, Projected>();

function projected(schema: Schema): Projected {
  let p = projections.get(schema);
  if (!p) {
    const count = { n: 0 };
    const s = project(schema, 0, count) as Schema;
    const json = JSON.stringify(s);
    p = { key: sha256(json), schema: s, size: json.length, weight: count.n };
    projections.set(schema, p);
  }
  return p;
}

/**
 * The size of `value` for a check: one unit per value, one per 16 characters
 * of a string (patterns run over them). A body is at most 64 KiB and nested at
 * most 64 deep (core/json-body.ts reads it so): a short walk.
 */
function measure(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    count++;
    if (typeof v === 'string') count += v.length >> 4;
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) stack.push(v[i]);
    else for (const k in v) stack.push((v as Record<string, unknown>)[k]);
  }
  return count;
}

// ---- Ajv's errors in FastAPI's words -------------------------------------------

const TYPE_ERROR: Record<string, string> = {
  string: 'string_type',
  integer: 'int_type',
  number: 'float_type',
  boolean: 'bool_type',
  null: 'none_required',
  array: 'list_type',
  object: 'dict_type',
};

const plural = (n: unknown, word: string) => `${String(n)} ${word}${n === 1 ? '' : 's'}`;

/** `/a/0/b` against the value → `['a', 0, 'b']` (an index only where the value is a list). */
function locOf(instancePath: string, value: unknown): Loc {
  if (instancePath === '') return [];
  let cur: unknown = value;
  return instancePath
    .slice(1)
    .split('/')
    .map((raw) => {
      const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      const here = cur;
      cur = typeof here === 'object' && here !== null ? (here as Record<string, unknown>)[seg] : undefined;
      return Array.isArray(here) && /^\d+$/.test(seg) ? Number(seg) : seg;
    });
}

function issueOf(e: RawError, value: unknown): ValidationIssue {
  const loc = locOf(e.instancePath, value);
  const p = e.params;
  switch (e.keyword) {
    case 'required':
      return { loc: [...loc, String(p.missingProperty)], msg: 'Field required', type: 'missing' };
    case 'additionalProperties':
      return { loc: [...loc, String(p.additionalProperty)], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' };
    case 'type': {
      const types = (Array.isArray(p.type) ? p.type : String(p.type).split(',')).map(String);
      const t = types.find((x) => x !== 'null') ?? types[0]!;
      return {
        loc,
        msg: `Input should be ${types.map((x) => (x === 'null' ? 'null' : `a valid ${x}`)).join(' or ')}`,
        type: TYPE_ERROR[t] ?? 'value_error',
      };
    }
    case 'enum':
      return { loc, msg: `Input should be ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`, type: 'enum' };
    case 'const':
      return { loc, msg: `Input should be ${JSON.stringify(p.allowedValue)}`, type: 'literal_error' };
    case 'minLength':
      return { loc, msg: `String should have at least ${plural(p.limit, 'character')}`, type: 'string_too_short' };
    case 'maxLength':
      return { loc, msg: `String should have at most ${plural(p.limit, 'character')}`, type: 'string_too_long' };
    case 'minimum':
      return { loc, msg: `Input should be greater than or equal to ${String(p.limit)}`, type: 'greater_than_equal' };
    case 'maximum':
      return { loc, msg: `Input should be less than or equal to ${String(p.limit)}`, type: 'less_than_equal' };
    case 'minItems':
      return { loc, msg: `List should have at least ${plural(p.limit, 'item')}`, type: 'too_short' };
    case 'maxItems':
      return { loc, msg: `List should have at most ${plural(p.limit, 'item')}`, type: 'too_long' };
    case 'pattern':
      return { loc, msg: `String should match pattern '${String(p.pattern)}'`, type: 'string_pattern_mismatch' };
    case 'oneOf':
      return Array.isArray(p.passingSchemas)
        ? { loc, msg: `Input should match exactly one of the allowed schemas (it matches ${p.passingSchemas.length})`, type: 'value_error' }
        : { loc, msg: 'Input should match one of the allowed schemas', type: 'union_error' };
    case 'anyOf':
      return { loc, msg: 'Input should match one of the allowed schemas', type: 'union_error' };
    case 'false schema':
      return { loc, msg: 'Extra inputs are not permitted', type: 'extra_forbidden' };
    default:
      return { loc, msg: `Input is not valid (${e.keyword})`, type: 'value_error' };
  }
}

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/**
 * A failed anyOf/oneOf reports every branch's errors; keep only those of the
 * branch that came closest (fewest errors; the first on a tie), as a union's
 * error names what was nearly right. Outer unions first.
 */
function closestBranches(errors: RawError[]): RawError[] {
  let kept = errors;
  const unions = errors.filter((e) => (e.keyword === 'anyOf' || e.keyword === 'oneOf') && !Array.isArray(e.params.passingSchemas));
  unions.sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const u of unions) {
    if (!kept.includes(u)) continue;
    const prefix = `${u.schemaPath}/`;
    const branchOf = (e: RawError) =>
      e.schemaPath.startsWith(prefix) && under(e.instancePath, u.instancePath) ? e.schemaPath.slice(prefix.length).split('/')[0]! : null;
    const counts = new Map<string, number>();
    for (const e of kept) {
      const b = branchOf(e);
      if (b !== null) counts.set(b, (counts.get(b) ?? 0) + 1);
    }
    if (counts.size === 0) continue;
    const best = [...counts.entries()].sort((a, b) => a[1] - b[1] || Number(a[0]) - Number(b[0]))[0]![0];
    kept = kept.filter((e) => e !== u && (branchOf(e) ?? best) === best);
  }
  return kept;
}

/** The issues of `value` against `schema` (locations relative to the value), via the worker pool. */
export async function schemaIssues(schema: Schema, value: unknown): Promise<ValidationIssue[]> {
  const p = projected(schema);
  const count = measure(value);
  const light = p.size <= LIGHT_SCHEMA_CHARS && count * Math.max(1, p.weight) <= LIGHT_PAIRS;
  const outcome = await checkPool.check(light ? 'light' : 'heavy', p.key, p.schema, value, light);
  if (outcome.ok) return [];
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const e of closestBranches(outcome.errors)) {
    const i = issueOf(e, value);
    const id = JSON.stringify([i.loc, i.type]);
    if (seen.has(id)) continue;
    seen.add(id);
    issues.push(i);
    if (issues.length === MAX_ISSUES) break;
  }
  return issues;
}

// ---- query and path parameters ----------------------------------------------------

function typesOf(s: Schema): string[] {
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type.filter((t): t is string => typeof t === 'string');
  return [];
}

/** Coerce a query-string value to the type its schema names (for GET and DELETE calls). */
export function coerceParam(schema: unknown, raw: string): unknown {
  const types = isObj(schema) ? typesOf(schema) : [];
  if ((types.includes('integer') || types.includes('number')) && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  if (types.includes('boolean') && (raw === 'true' || raw === 'false')) return raw === 'true';
  if (types.includes('null') && raw === 'null') return null;
  return raw;
}
