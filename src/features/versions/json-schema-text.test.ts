import { describe, expect, it } from 'vitest';
import { describeJsonSchemaText } from './json-schema-text';

describe('describeJsonSchemaText', () => {
  it('accepts a valid schema', () => {
    const r = describeJsonSchemaText('{\n  "type": "object",\n  "properties": { "text": { "type": "string" } },\n  "required": ["text"]\n}');
    expect(r.ok).toBe(true);
  });

  it('points at the line of a JSON syntax error', () => {
    const r = describeJsonSchemaText('{\n  "type": "object",\n  "properties": {\n    "a": { "type": "string" }\n  ,\n}');
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) {
      expect(r.line).toBeGreaterThanOrEqual(5);
      expect(r.message).toMatch(/^Line \d+, column \d+: /);
    }
  });

  it('points at the line of an invalid schema keyword', () => {
    const r = describeJsonSchemaText('{\n  "type": "object",\n  "properties": {\n    "name": { "type": "strin" }\n  }\n}');
    expect(r).toMatchObject({ ok: false, line: 4 });
    if (!r.ok) expect(r.message).toContain('properties.name.type');
  });

  it('refuses what is not an object', () => {
    expect(describeJsonSchemaText('[1, 2]')).toMatchObject({ ok: false, line: 1 });
    expect(describeJsonSchemaText('')).toMatchObject({ ok: false });
  });

  it('refuses a required name missing from properties', () => {
    const r = describeJsonSchemaText('{"type":"object","properties":{"a":{"type":"string"}},"required":["b"]}');
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.message).toContain('required names "b"');
  });
});
