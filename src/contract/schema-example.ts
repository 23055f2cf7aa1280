/**
 * An example value for a JSON Schema (CONTRACT §7 [decision]): what the mock
 * gateway answers with (from the response schema, and as a job's result) and
 * what the console can prefill a request with (from the request schema).
 * `const`, then `example`, `examples[0]`, `default`, the first `enum` value;
 * else by type: strings "string" (or an example of their `format`), numbers
 * 0 or their minimum, booleans false, arrays one item, objects every property.
 * Depth-bounded, so any schema gives an answer.
 */
type Schema = Record<string, unknown>;

const MAX_DEPTH = 32;

const isObj = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

function typesOf(s: Schema): string[] {
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type.filter((t): t is string => typeof t === 'string');
  return [];
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
      const min =
        typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 0;
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
