import { describe, expect, it } from 'vitest';
import { checkAgainstSchema, locText } from './schema-check';

const schema = {
  type: 'object',
  properties: {
    text: { type: 'string', minLength: 2, maxLength: 5 },
    count: { type: 'integer', minimum: 1, maximum: 3 },
    tags: { type: 'array', items: { type: 'string', pattern: '^[a-z]+$' }, maxItems: 2 },
    mode: { enum: ['fast', 'slow'] },
    id: { anyOf: [{ type: 'integer' }, { type: 'string', minLength: 3 }] },
  },
  required: ['text'],
  additionalProperties: false,
};

describe('checking a request against its schema as it is typed', () => {
  it('passes a request that fits', () => {
    expect(checkAgainstSchema(schema, { text: 'hey', count: 2, tags: ['a'], mode: 'fast', id: 7 })).toEqual([]);
  });

  it('says what is wrong, each at its place', () => {
    expect(checkAgainstSchema(schema, { count: 2.5, tags: ['ok', 'NO', 'x'], mode: 'medium', extra: 1 })).toEqual([
      { loc: ['text'], message: 'Field required' },
      { loc: ['count'], message: 'Should be an integer, not a number' },
      { loc: ['tags'], message: 'Should have at most 2 items' },
      { loc: ['tags', 1], message: 'Should match the pattern ^[a-z]+$' },
      { loc: ['mode'], message: 'Should be one of "fast", "slow"' },
      { loc: ['extra'], message: 'Extra field not permitted' },
    ]);
    expect(checkAgainstSchema(schema, { text: 'x', count: 9 })).toEqual([
      { loc: ['text'], message: 'Should have at least 2 characters' },
      { loc: ['count'], message: 'Should be at most 3' },
    ]);
  });

  it('reports the closest branch of a failed anyOf, and a wrong type once', () => {
    expect(checkAgainstSchema(schema, { text: 'hey', id: 'ab' })).toEqual([{ loc: ['id'], message: 'Should have at least 3 characters' }]);
    expect(checkAgainstSchema(schema, [])).toEqual([{ loc: [], message: 'Should be an object, not an array' }]);
  });

  it('names places as a reader writes them', () => {
    expect(locText(['tags', 1, 'name'])).toBe('tags[1].name');
    expect(locText([])).toBe('body');
  });
});
