import { describe, expect, it } from 'vitest';
import { SCHEMA_LIMITS, schemaLimitProblem } from './json-schema';
// What an endpoint's schema must be on save: the subset, its limits and safe patterns.
import { SafeJsonSchema as JsonSchema } from './pattern-rules';

/** A schema whose JSON nests `levels` deep: { type, properties: { a: … } } adds two levels each. */
function nestedTo(levels: number): Record<string, unknown> {
  let s: Record<string, unknown> = { type: 'string' };
  let depth = 1;
  while (depth + 2 <= levels) {
    s = { type: 'object', properties: { a: s } };
    depth += 2;
  }
  return depth < levels ? { type: 'array', items: s } : s;
}

const issuesOf = (value: unknown) => {
  const r = JsonSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path, message: i.message }));
};

describe('the limits of an endpoint schema (the editor and the platform apply the same)', () => {
  it('depth: up to the limit is fine, one more is named', () => {
    expect(schemaLimitProblem(nestedTo(SCHEMA_LIMITS.depth))).toBeNull();
    expect(issuesOf(nestedTo(SCHEMA_LIMITS.depth + 1))).toEqual([
      { path: [], message: 'The schema nests more than 32 levels deep (limit: depth 32)' },
    ]);
  });

  it('branches are counted over the whole schema', () => {
    const branches = (n: number) => Array.from({ length: n }, () => ({ type: 'string' }));
    expect(schemaLimitProblem({ anyOf: branches(32), properties: { a: { oneOf: branches(32) } } })).toBeNull();
    expect(issuesOf({ anyOf: branches(32), properties: { a: { allOf: branches(33) } } })).toEqual([
      { path: [], message: 'The schema has 65 anyOf/oneOf/allOf branches (limit: 64 branches)' },
    ]);
  });

  it('size is the compact JSON', () => {
    const sized = (n: number) => ({ description: 'x'.repeat(n - '{"description":""}'.length) });
    expect(JSON.stringify(sized(SCHEMA_LIMITS.size)).length).toBe(SCHEMA_LIMITS.size);
    expect(schemaLimitProblem(sized(SCHEMA_LIMITS.size))).toBeNull();
    expect(issuesOf(sized(SCHEMA_LIMITS.size + 1))).toEqual([
      { path: [], message: 'The schema is 32769 characters long as JSON (limit: 32768 characters)' },
    ]);
  });

  it('patterns: invalid, too long, or catastrophic, at the pattern', () => {
    expect(issuesOf({ properties: { a: { type: 'string', pattern: '[' } } })).toEqual([
      { path: ['properties', 'a', 'pattern'], message: 'pattern is not a valid regular expression' },
    ]);
    expect(issuesOf({ pattern: 'a'.repeat(SCHEMA_LIMITS.patternLength + 1) })[0]!.path).toEqual(['pattern']);
    expect(issuesOf({ items: { pattern: '^(a|a)+$' } })[0]).toMatchObject({
      path: ['items', 'pattern'],
      message: expect.stringMatching(/^pattern could backtrack catastrophically/),
    });
    expect(issuesOf({ type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' })).toEqual([]);
  });

  it('is cheap on absurd input: the walk stops at the depth limit', () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const t = performance.now();
    expect(schemaLimitProblem({ default: deep })).toMatch(/nests more than 32 levels/);
    expect(performance.now() - t).toBeLessThan(50);
  });
});
