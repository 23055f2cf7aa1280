import { describe, expect, it } from 'vitest';
import { lineColumn, lineOfPath, readJson } from './json-text';
import { JSON_SYNTAX_ERRORS } from '@/testing/json-syntax-errors';

const errorOf = (text: string) => {
  const read = readJson(text);
  if (read.ok) throw new Error('expected a syntax error');
  return read.error;
};

describe('readJson', () => {
  it('reads JSON', () => {
    expect(readJson('{"a": [1, true, null]}')).toEqual({ ok: true, value: { a: [1, true, null] } });
  });

  it('finds where a bare word stops the text being JSON', () => {
    expect(errorOf('{\n  "type": "service_account",\n  oops\n}')).toMatchObject({ line: 3, column: 3, from: 33 });
  });

  it('finds an error JSON.parse gives no position for', () => {
    const error = errorOf('{"a":tru}');
    expect(error).toMatchObject({ line: 1, column: 6 });
    expect(error.reason).not.toMatch(/is not valid JSON|position/);
  });

  it('places every kind of syntax error at its line and column', () => {
    const cases = JSON_SYNTAX_ERRORS;
    for (const [text, where] of cases) {
      const { line, column } = errorOf(text);
      expect(`line ${line}, column ${column}`, text.slice(0, 20)).toBe(where);
    }
    for (const ok of ['{}', '{"a": [1, -2.5e3, true, null, {"b": "\\u00e9\\n"}]}', ' { "x" : [ ] } '])
      expect(readJson(ok).ok, ok).toBe(true);
  });

  it('finds a trailing comma, an unfinished text and trailing garbage', () => {
    expect(errorOf('{\n "a": "x",\n}')).toMatchObject({ line: 3, column: 1 });
    expect(errorOf('{"tenant_id": ')).toMatchObject({ line: 1, column: 15 });
    expect(errorOf('{}x')).toMatchObject({ line: 1, column: 3 });
    expect(errorOf('')).toMatchObject({ line: 1, column: 1 });
  });
});

describe('lineOfPath', () => {
  const text = '{\n  "properties": {\n    "name": {\n      "type": "strin"\n    }\n  },\n  "required": [\n    "a",\n    "b"\n  ]\n}';

  it('finds the line of a nested key', () => {
    expect(lineOfPath(text, ['properties', 'name', 'type'])).toBe(4);
  });

  it('finds an array item, and the deepest part of a path that exists', () => {
    expect(lineOfPath(text, ['required', 1])).toBe(9);
    expect(lineOfPath(text, ['properties', 'missing'])).toBe(2);
    expect(lineOfPath(text, ['nothing'])).toBeNull();
  });
});

describe('lineColumn', () => {
  it('counts from 1', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
