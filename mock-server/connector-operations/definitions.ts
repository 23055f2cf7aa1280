/**
 * The operations each connector type of the catalog offers (CONTRACT §14):
 * what connectors/catalog.ts lists, each with the JSON Schema its params are
 * checked against. Names follow seed 002 (`operation="read_query"`,
 * `params={"query": "SELECT * FROM users LIMIT 10"}`). `title` and
 * `description` are for the console's generated form; `contentMediaType`
 * marks SQL, which the console edits as SQL.
 */
import { SQL_MEDIA_TYPE, type ConnectorOperation } from '../../src/contract/connector-operations';

/** The most rows a read returns (`max_rows`), and its default. */
export const MAX_ROWS = 1000;
export const DEFAULT_MAX_ROWS = 100;
/** The most SQL one statement may have. */
export const MAX_SQL_CHARS = 100_000;
/** Table and column names the structured operations take: SQL identifiers, written without quotes. */
export const IDENTIFIER = '^[A-Za-z_][A-Za-z0-9_]{0,62}$';
/** Object keys (S3: at most 1024 bytes; here, no control characters and no leading slash). */
export const OBJECT_KEY = '^(?!/)[^\\u0000-\\u001f\\u007f]{1,1024}$';

const sql = (title: string, description: string, example: string) => ({
  type: 'string',
  title,
  description,
  minLength: 1,
  maxLength: MAX_SQL_CHARS,
  contentMediaType: SQL_MEDIA_TYPE,
  examples: [example],
});

const maxRows = {
  type: 'integer',
  title: 'Most rows',
  description: `At most this many rows come back (1–${MAX_ROWS})`,
  minimum: 1,
  maximum: MAX_ROWS,
  default: DEFAULT_MAX_ROWS,
};

const objectKey = (example: string) => ({
  type: 'string',
  title: 'Key',
  description: 'The object’s key, e.g. invoices/2025-0001.json',
  maxLength: 1024,
  pattern: OBJECT_KEY,
  examples: [example],
});

const object = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

export const SQL_OPERATIONS: ConnectorOperation[] = [
  {
    id: 'read_query',
    name: 'Read query',
    description: 'Run one read-only SQL statement (SELECT, WITH or VALUES) and return its rows',
    kind: 'read',
    params_schema: object(
      {
        query: sql('SQL query', 'One read-only statement (SELECT, WITH or VALUES)', 'SELECT * FROM users LIMIT 10'),
        max_rows: maxRows,
      },
      ['query'],
    ),
  },
  {
    id: 'execute_statement',
    name: 'Execute statement',
    description: `Run one INSERT, UPDATE or DELETE; one that changes more than 100 rows runs as a job`,
    kind: 'write',
    params_schema: object(
      { statement: sql('SQL statement', 'One INSERT, UPDATE or DELETE statement', "UPDATE users SET name = 'Ada King' WHERE id = 1") },
      ['statement'],
    ),
  },
  {
    id: 'insert_rows',
    name: 'Insert rows',
    description: 'Insert rows into a table, one JSON object per row; more than 100 rows (or 256 KB) run as a job',
    kind: 'write',
    params_schema: object(
      {
        table: {
          type: 'string',
          title: 'Table',
          description: 'The table to insert into',
          maxLength: 63,
          pattern: IDENTIFIER,
          examples: ['users'],
        },
        rows: {
          type: 'array',
          title: 'Rows',
          description: 'One object per row: column names to values',
          minItems: 1,
          maxItems: 10_000,
          items: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean', 'null'] } },
          examples: [[{ email: 'barbara@example.com', name: 'Barbara Liskov', created_at: '2025-03-01T00:00:00Z' }]],
        },
      },
      ['table', 'rows'],
    ),
  },
  {
    id: 'list_tables',
    name: 'List tables',
    description: 'The tables of the database, with their columns and row counts',
    kind: 'read',
    params_schema: object({}),
  },
];

export const STORAGE_OPERATIONS: ConnectorOperation[] = [
  {
    id: 'list_objects',
    name: 'List objects',
    description: 'List the objects under a prefix',
    kind: 'read',
    params_schema: object({
      prefix: {
        type: 'string',
        title: 'Prefix',
        description: 'Only keys that start with this; empty for all',
        maxLength: 1024,
        examples: ['invoices/'],
      },
      max_keys: { ...maxRows, title: 'Most objects', description: `At most this many objects come back (1–${MAX_ROWS})` },
    }),
  },
  {
    id: 'get_object',
    name: 'Get object',
    description: 'Read an object by key',
    kind: 'read',
    params_schema: object({ key: objectKey('README.txt') }, ['key']),
  },
  {
    id: 'put_object',
    name: 'Put object',
    description: 'Write an object (text); more than 256 KB runs as a job',
    kind: 'write',
    params_schema: object(
      {
        key: objectKey('notes/hello.txt'),
        body: {
          type: 'string',
          title: 'Body',
          description: 'The object’s content, as text',
          maxLength: 1_000_000,
          examples: ['Hello from the console'],
        },
        content_type: {
          type: 'string',
          title: 'Content type',
          description: 'e.g. application/json; text/plain when empty',
          maxLength: 200,
          pattern: '^[\\w.+-]+/[\\w.+-]+(;.*)?$',
        },
      },
      ['key', 'body'],
    ),
  },
  {
    id: 'delete_object',
    name: 'Delete object',
    description: 'Delete an object by key',
    kind: 'write',
    params_schema: object({ key: objectKey('notes/hello.txt') }, ['key']),
  },
];

export const HTTP_OPERATIONS: ConnectorOperation[] = [
  {
    id: 'request',
    name: 'Send request',
    description: 'Send a request relative to the base URL (the mock answers as an echo service)',
    kind: 'write',
    params_schema: object(
      {
        method: { type: 'string', title: 'Method', enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], default: 'GET' },
        path: {
          type: 'string',
          title: 'Path',
          description: 'Relative to the base URL, e.g. /customers?limit=5',
          pattern: '^/[^\\s]*$',
          maxLength: 1000,
          examples: ['/customers?limit=5'],
        },
        body: { type: 'object', title: 'Body', description: 'A JSON body, for POST, PUT and PATCH' },
      },
      ['path'],
    ),
  },
];
