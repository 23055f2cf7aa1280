import { describe, expect, it } from 'vitest';
import { initialValues, paramFields, paramIssues, toParams, valuesOf } from './params-model';

/** Params schemas as a platform declares them (the mock's, in short; the component tests read the mock's own). */
const object = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
const SCHEMAS: Record<string, Record<string, unknown>> = {
  read_query: object(
    {
      query: {
        type: 'string',
        title: 'SQL query',
        minLength: 1,
        contentMediaType: 'application/sql',
        examples: ['SELECT * FROM users LIMIT 10'],
      },
      max_rows: { type: 'integer', title: 'Most rows', minimum: 1, maximum: 1000, default: 100 },
    },
    ['query'],
  ),
  insert_rows: object(
    {
      table: { type: 'string', title: 'Table', maxLength: 63, pattern: '^[A-Za-z_][A-Za-z0-9_]{0,62}$' },
      rows: {
        type: 'array',
        title: 'Rows',
        minItems: 1,
        items: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean', 'null'] } },
      },
    },
    ['table', 'rows'],
  ),
  put_object: object(
    {
      key: { type: 'string', title: 'Key', maxLength: 1024 },
      body: { type: 'string', title: 'Body', maxLength: 1_000_000 },
      content_type: { type: 'string', title: 'Content type', maxLength: 200 },
    },
    ['key', 'body'],
  ),
  request: object(
    {
      method: { type: 'string', title: 'Method', enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], default: 'GET' },
      path: { type: 'string', title: 'Path', maxLength: 1000 },
      body: { type: 'object', title: 'Body' },
    },
    ['path'],
  ),
  list_tables: object({}),
};
const schemaOf = (id: string) => SCHEMAS[id]!;

describe('a connector operation’s form, from its params schema', () => {
  it('one field per property: SQL for a SQL string, numbers, choices, JSON for what a plain field cannot hold', () => {
    expect(paramFields(schemaOf('read_query'))!.map((f) => [f.name, f.label, f.kind, f.required])).toEqual([
      ['query', 'SQL query', 'sql', true],
      ['max_rows', 'Most rows', 'integer', false],
    ]);
    expect(paramFields(schemaOf('insert_rows'))!.map((f) => [f.name, f.kind])).toEqual([
      ['table', 'text'],
      ['rows', 'json'],
    ]);
    expect(paramFields(schemaOf('put_object'))!.map((f) => [f.name, f.kind])).toEqual([
      ['key', 'text'],
      ['body', 'textarea'],
      ['content_type', 'text'],
    ]);
    expect(paramFields(schemaOf('request'))!.map((f) => [f.name, f.kind, f.options])).toEqual([
      ['method', 'enum', ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']],
      ['path', 'text', []],
      ['body', 'json', []],
    ]);
    expect(paramFields(schemaOf('list_tables'))).toEqual([]);
    // No schema, or one that is not an object of properties: the params as one JSON document.
    expect(paramFields(null)).toBeNull();
    expect(paramFields({ type: 'array' })).toBeNull();
    expect(
      paramFields({ type: 'object', properties: { flag: { type: 'boolean' }, n: { type: ['number', 'null'] } } })!.map((f) => f.kind),
    ).toEqual(['boolean', 'number']);
  });

  it('starts from the defaults and examples, and turns the typed text into params', () => {
    const fields = paramFields(schemaOf('read_query'))!;
    expect(initialValues(fields)).toEqual({ query: 'SELECT * FROM users LIMIT 10', max_rows: '100' });
    expect(toParams(fields, { query: 'SELECT 1', max_rows: ' 5 ' })).toEqual({ params: { query: 'SELECT 1', max_rows: 5 }, problems: [] });
    // An empty optional field is left out; an empty required one says so.
    expect(toParams(fields, { query: '  ', max_rows: '' })).toEqual({
      params: {},
      problems: [{ field: 'query', message: 'SQL query is required' }],
    });
    const rows = paramFields(schemaOf('insert_rows'))!;
    expect(toParams(rows, { table: 'users', rows: '[{"name": "Ada"}]' }).params).toEqual({ table: 'users', rows: [{ name: 'Ada' }] });
    expect(toParams(rows, { table: 'users', rows: '[{"name": }]' }).problems).toEqual([
      { field: 'rows', message: expect.stringMatching(/^Not JSON: .*\(line 1, column \d+\)$/) },
    ]);
    // Params of an earlier run come back as text.
    expect(valuesOf(rows, { table: 'users', rows: [{ name: 'Ada' }] })).toEqual({
      table: 'users',
      rows: '[\n  {\n    "name": "Ada"\n  }\n]',
    });
  });

  it('checks the params with the schema the platform applies, each issue on its field', () => {
    expect(paramIssues(schemaOf('read_query'), { query: 'SELECT 1', max_rows: 0 })).toEqual([
      { field: 'max_rows', message: 'Should be at least 1' },
    ]);
    expect(paramIssues(schemaOf('read_query'), { query: 'SELECT 1', max_rows: 'many' })).toEqual([
      { field: 'max_rows', message: 'Should be an integer, not a string' },
    ]);
    expect(paramIssues(schemaOf('insert_rows'), { table: 'users', rows: [{ email: { a: 1 } }] })).toEqual([
      { field: 'rows', message: expect.stringMatching(/^0\.email: Should be/) },
    ]);
    expect(paramIssues(schemaOf('insert_rows'), { table: 'bad name', rows: [] })).toEqual([
      { field: 'table', message: expect.stringMatching(/^Should match the pattern/) },
      { field: 'rows', message: 'Should have at least 1 item' },
    ]);
    expect(paramIssues(null, { anything: true })).toEqual([]);
  });
});
