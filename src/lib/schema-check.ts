/**
 * A value checked against a JSON Schema as it is typed — a request against
 * its endpoint's request schema (the Test tab), a connector operation's params
 * against its params schema — over the subset of JSON Schema the mock enforces (the contract's
 * `json-schema.ts`: type, required, enum, const, minimum, maximum,
 * minLength, maxLength, minItems, maxItems, pattern, properties,
 * additionalProperties, items, anyOf, oneOf, allOf; `format` is not
 * enforced). It warns before sending; the platform's 422 stays the judge.
 * A small walker rather than Ajv: it loads with the pages that use it, in a few
 * hundred bytes, and compiles nothing (no `new Function`).
 */
type Schema = Record<string, unknown>;
export type SchemaIssue = { loc: (string | number)[]; message: string };

const MAX_ISSUES = 20;
const MAX_DEPTH = 64;
const isObj = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(t: string, v: unknown): boolean {
  const actual = typeOf(v);
  return t === actual || (t === 'number' && actual === 'integer');
}

const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);
const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
const deepEqual = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const patterns = new Map<string, RegExp | null>();
function regex(source: string): RegExp | null {
  if (!patterns.has(source)) {
    try {
      patterns.set(source, new RegExp(source, 'u'));
    } catch {
      patterns.set(source, null);
    }
  }
  return patterns.get(source)!;
}

function walk(schema: unknown, value: unknown, loc: (string | number)[], out: SchemaIssue[], depth: number): void {
  if (out.length >= MAX_ISSUES || depth > MAX_DEPTH) return;
  if (schema === false) {
    out.push({ loc, message: 'No value is allowed here' });
    return;
  }
  if (!isObj(schema)) return;
  const push = (message: string, at = loc) => out.push({ loc: at, message });

  const types =
    typeof schema.type === 'string'
      ? [schema.type]
      : Array.isArray(schema.type)
        ? schema.type.filter((t): t is string => typeof t === 'string')
        : [];
  if (types.length && !types.some((t) => typeMatches(t, value))) {
    push(`Should be ${types.map(article).join(' or ')}, not ${article(typeOf(value))}`);
    return;
  }
  if ('const' in schema && !deepEqual(schema.const, value)) push(`Should be ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.some((x) => deepEqual(x, value)))
    push(`Should be one of ${schema.enum.map((x) => JSON.stringify(x)).join(', ')}`);

  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) push(`Should be at least ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) push(`Should be at most ${schema.maximum}`);
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof schema.minLength === 'number' && length < schema.minLength)
      push(`Should have at least ${plural(schema.minLength, 'character')}`);
    if (typeof schema.maxLength === 'number' && length > schema.maxLength)
      push(`Should have at most ${plural(schema.maxLength, 'character')}`);
    if (typeof schema.pattern === 'string') {
      const re = regex(schema.pattern);
      if (re && !re.test(value)) push(`Should match the pattern ${schema.pattern}`);
    }
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems)
      push(`Should have at least ${plural(schema.minItems, 'item')}`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems)
      push(`Should have at most ${plural(schema.maxItems, 'item')}`);
    if (schema.items !== undefined) value.forEach((item, i) => walk(schema.items, item, [...loc, i], out, depth + 1));
  }
  if (isObj(value)) {
    const props = isObj(schema.properties) ? schema.properties : {};
    if (Array.isArray(schema.required)) {
      for (const r of schema.required) if (typeof r === 'string' && !Object.hasOwn(value, r)) push('Field required', [...loc, r]);
    }
    for (const [k, v] of Object.entries(value)) {
      if (Object.hasOwn(props, k)) walk(props[k], v, [...loc, k], out, depth + 1);
      else if (schema.additionalProperties === false) push('Extra field not permitted', [...loc, k]);
      else if (schema.additionalProperties !== undefined) walk(schema.additionalProperties, v, [...loc, k], out, depth + 1);
    }
  }
  if (Array.isArray(schema.allOf)) for (const s of schema.allOf) walk(s, value, loc, out, depth + 1);
  for (const k of ['anyOf', 'oneOf'] as const) {
    const branches = schema[k];
    if (!Array.isArray(branches) || branches.length === 0) continue;
    const results = branches.map((b) => {
      const found: SchemaIssue[] = [];
      walk(b, value, loc, found, depth + 1);
      return found;
    });
    // A branch of the value's own type is closer than any of another type.
    const rank = (b: unknown, found: SchemaIssue[]) => {
      const t = isObj(b) ? b.type : undefined;
      const sameType =
        t === undefined ||
        (typeof t === 'string' ? typeMatches(t, value) : Array.isArray(t) && t.some((x) => typeof x === 'string' && typeMatches(x, value)));
      return (sameType ? 0 : 1_000_000) + found.length;
    };
    const passing = results.filter((r) => r.length === 0).length;
    if (k === 'oneOf' && passing > 1) push('Should match exactly one of the allowed shapes, and matches several');
    else if (passing === 0) {
      // The closest branch's issues, as the gateway reports them.
      const ranked = results.map((found, i) => ({ found, rank: rank(branches[i], found) }));
      const closest = ranked.reduce((a, b) => (b.rank < a.rank ? b : a)).found;
      for (const i of closest) if (out.length < MAX_ISSUES) out.push(i);
    }
  }
}

/** Every issue (up to 20) of `value` against `schema`, each at its place in the value. */
export function checkAgainstSchema(schema: unknown, value: unknown): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  walk(schema, value, [], out, 0);
  return out;
}

/** `['items', 0, 'name']` → `items[0].name`; the whole value → `body`. */
export function locText(loc: readonly (string | number)[], root = 'body'): string {
  if (loc.length === 0) return root;
  return loc.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
