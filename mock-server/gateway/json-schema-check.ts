/**
 * What the mock gateway does with an endpoint's JSON Schemas (CONTRACT §7):
 * a simple check of a request (required properties, basic types, enums,
 * nested objects and arrays) and an example built from a response schema.
 * Not a full JSON Schema validator, on purpose.
 */
import type { ValidationIssue } from '../../src/contract/common';

type Schema = Record<string, unknown>;
type Loc = (string | number)[];

const MAX_DEPTH = 32;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function typesOf(s: Schema): string[] {
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type.filter((t): t is string => typeof t === 'string');
  return [];
}

function typeMatches(t: string, v: unknown): boolean {
  switch (t) {
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'null':
      return v === null;
    case 'array':
      return Array.isArray(v);
    case 'object':
      return isObj(v);
    default:
      return true;
  }
}

const TYPE_ERROR: Record<string, string> = {
  string: 'string_type',
  integer: 'int_type',
  number: 'float_type',
  boolean: 'bool_type',
  null: 'none_required',
  array: 'list_type',
  object: 'dict_type',
};

/** Issues of `value` against `schema`, located under `loc`. */
export function schemaIssues(schema: unknown, value: unknown, loc: Loc, depth = 0): ValidationIssue[] {
  if (!isObj(schema) || depth > MAX_DEPTH) return [];
  const branches = (Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : null) as unknown[] | null;
  if (branches && branches.length) {
    const results = branches.map((b) => schemaIssues(b, value, loc, depth + 1));
    if (results.some((r) => r.length === 0)) return [];
    return results[0] ?? [];
  }
  const types = typesOf(schema);
  if (types.length && !types.some((t) => typeMatches(t, value))) {
    const t = types.find((x) => x !== 'null') ?? types[0]!;
    return [{ loc, msg: `Input should be ${types.map((x) => (x === 'null' ? 'null' : `a valid ${x}`)).join(' or ')}`, type: TYPE_ERROR[t] ?? 'value_error' }];
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
    return [{ loc, msg: `Input should be ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`, type: 'enum' }];
  }
  const issues: ValidationIssue[] = [];
  if (isObj(value)) {
    const props = isObj(schema.properties) ? schema.properties : {};
    if (Array.isArray(schema.required)) {
      for (const k of schema.required) if (typeof k === 'string' && value[k] === undefined) issues.push({ loc: [...loc, k], msg: 'Field required', type: 'missing' });
    }
    for (const [k, sub] of Object.entries(props)) if (Object.hasOwn(value, k)) issues.push(...schemaIssues(sub, value[k], [...loc, k], depth + 1));
    if (schema.additionalProperties === false) {
      for (const k of Object.keys(value)) if (!Object.hasOwn(props, k)) issues.push({ loc: [...loc, k], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' });
    } else if (isObj(schema.additionalProperties)) {
      for (const k of Object.keys(value)) if (!Object.hasOwn(props, k)) issues.push(...schemaIssues(schema.additionalProperties, value[k], [...loc, k], depth + 1));
    }
  } else if (Array.isArray(value) && isObj(schema.items)) {
    value.slice(0, 1000).forEach((item, i) => issues.push(...schemaIssues(schema.items, item, [...loc, i], depth + 1)));
  }
  return issues.slice(0, 50);
}

const FORMAT_EXAMPLES: Record<string, string> = {
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '00:00:00Z',
  uri: 'https://example.com',
  url: 'https://example.com',
  email: 'user@example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
};

/** A value that fits `schema`: strings "string", numbers 0 (or the minimum), enums their first value, every property filled. */
export function exampleOf(schema: unknown, depth = 0): unknown {
  if (!isObj(schema) || depth > MAX_DEPTH) return null;
  if ('const' in schema) return schema.const;
  if ('example' in schema) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if ('default' in schema) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  const branches = (Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : null) as unknown[] | null;
  if (branches && branches.length) {
    const pick = branches.find((b) => !(isObj(b) && b.type === 'null')) ?? branches[0];
    return exampleOf(pick, depth + 1);
  }
  const types = typesOf(schema);
  const t = types.find((x) => x !== 'null') ?? types[0] ?? (isObj(schema.properties) ? 'object' : isObj(schema.items) ? 'array' : 'null');
  switch (t) {
    case 'string':
      return typeof schema.format === 'string' && FORMAT_EXAMPLES[schema.format] ? FORMAT_EXAMPLES[schema.format] : 'string';
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 0;
      const n = Math.max(0, min);
      return t === 'integer' ? Math.ceil(n) : n;
    }
    case 'boolean':
      return false;
    case 'array':
      return isObj(schema.items) ? [exampleOf(schema.items, depth + 1)] : [];
    case 'object': {
      const out: Record<string, unknown> = {};
      if (isObj(schema.properties)) for (const [k, sub] of Object.entries(schema.properties)) out[k] = exampleOf(sub, depth + 1);
      return out;
    }
    default:
      return null;
  }
}

/** Coerce a query-string value to the type its schema names (for GET and DELETE calls). */
export function coerceParam(schema: unknown, raw: string): unknown {
  const types = isObj(schema) ? typesOf(schema) : [];
  if ((types.includes('integer') || types.includes('number')) && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  if (types.includes('boolean') && (raw === 'true' || raw === 'false')) return raw === 'true';
  if (types.includes('null') && raw === 'null') return null;
  return raw;
}
