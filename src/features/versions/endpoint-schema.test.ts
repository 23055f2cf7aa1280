import { describe, expect, it } from 'vitest';
import { readSchemaText } from './endpoint-schema';

describe('readSchemaText', () => {
  it('accepts a valid schema', () => {
    expect(readSchemaText('{\n  "type": "object",\n  "properties": { "text": { "type": "string" } },\n  "required": ["text"]\n}').ok).toBe(
      true,
    );
  });

  it('points at the line and column of a JSON syntax error', () => {
    const r = readSchemaText('{\n  "type": "object",\n  "properties": {\n    "a": { "type": "string" }\n  ,\n}');
    expect(r).toMatchObject({ ok: false, line: 6 });
    if (!r.ok) expect(r.message).toMatch(/^Line 6, column 1: /);
  });

  it('points at the line of an invalid schema keyword', () => {
    const r = readSchemaText('{\n  "type": "object",\n  "properties": {\n    "name": { "type": "strin" }\n  }\n}');
    expect(r).toMatchObject({ ok: false, line: 4 });
    if (!r.ok) expect(r.message).toContain('properties.name.type');
  });

  it('refuses what is not an object, and an empty text', () => {
    expect(readSchemaText('[1, 2]')).toMatchObject({ ok: false, line: 1 });
    expect(readSchemaText('')).toMatchObject({ ok: false });
  });

  it('refuses a required name missing from properties', () => {
    const r = readSchemaText('{"type":"object","properties":{"a":{"type":"string"}},"required":["b"]}');
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.message).toContain('required names "b"');
  });
});
