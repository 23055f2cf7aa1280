/**
 * Running an operation on an instance's data (CONTRACT §14): SQL on its
 * database (through the SQL runner), objects of a storage instance, or the
 * HTTP API's echo.
 *
 * `runOperation` either answers (`done`) or — for a write larger than
 * `LARGE_WRITE_ROWS` rows or `LARGE_WRITE_BYTES` of data, not yet asked to
 * apply it — says it must run as a job (`large`), having checked it first
 * (a dry run, rolled back), so a write that would fail is refused at once
 * rather than as a failed job. A job applies it later with `apply: true`.
 */
import {
  LARGE_WRITE_BYTES,
  LARGE_WRITE_ROWS,
  type Cell,
  type ConnectorOperation,
  type ExecuteResult,
  type ResultColumn,
} from '../../src/contract/connector-operations';
import type { ConnectorType } from '../../src/contract/connectors';
import { conflict, HttpError, issue, validationError } from '../core/errors';
import type { ConnectorInstanceRecord } from '../connectors/records';
import type { Store } from '../core/store';
import { DEFAULT_MAX_ROWS } from './definitions';
import { keepImage, MAX_INSTANCE_BYTES, objectRecord, objectsOf, runSql } from './instance-data';
import { SqlRefused, SqlTimeLimit } from './sql-pool';

export interface OperationCall {
  store: Store;
  connector: ConnectorType;
  instance: ConnectorInstanceRecord;
  operation: ConnectorOperation;
  params: Record<string, unknown>;
  /** How long one statement may run (the platform's `sqlTimeLimitMs`). */
  sqlTimeLimitMs: number;
  /** A job applying a large write: run it whatever its size. */
  apply?: boolean;
}

export type Outcome = { kind: 'done'; result: ExecuteResult } | { kind: 'large'; why: string };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
const round = (ms: number) => Math.round(ms * 100) / 100;

function result(
  call: OperationCall,
  o: { columns?: ResultColumn[]; rows?: Cell[][]; rowCount: number; truncated?: boolean; durationMs: number; summary: string },
): Outcome {
  return {
    kind: 'done',
    result: {
      operation_id: call.operation.id,
      status: 'succeeded',
      columns: o.columns ?? [],
      rows: o.rows ?? [],
      row_count: o.rowCount,
      truncated: o.truncated ?? false,
      duration_ms: round(o.durationMs),
      summary: o.summary,
    },
  };
}

/** A write's data, past the size a request answers at once. */
function largeBytes(params: unknown): string | null {
  const bytes = bytesOf(params);
  return bytes > LARGE_WRITE_BYTES ? `${Math.ceil(bytes / 1024)} KB of data (more than ${LARGE_WRITE_BYTES / 1024} KB)` : null;
}

/**
 * What the runner refused, as the answer to the request: on the field of the
 * params that held it (`["body","params",…]`), 409 for a conflict (a name
 * taken, a constraint), 422 otherwise.
 */
export function refusal(e: unknown, where: (string | number)[]): HttpError | unknown {
  if (e instanceof SqlTimeLimit) return validationError([issue(where, e.message, 'value_error')]);
  if (!(e instanceof SqlRefused)) return e;
  const { code, message, at } = e.refusal;
  if (code === 'too_large') return conflict(message);
  const loc = [...where.slice(0, -1), ...(at.length ? at : where.slice(-1))];
  return code === 'conflict' ? conflict([{ loc, msg: message, type: 'conflict' }]) : validationError([issue(loc, message, 'value_error')]);
}

async function sql(call: OperationCall, message: Record<string, unknown>, field: string) {
  try {
    return await runSql(call.store, call.instance, message, call.sqlTimeLimitMs);
  } catch (e) {
    throw refusal(e, ['body', 'params', field]);
  }
}

type Columns = { columns: ResultColumn[]; rows: Cell[][]; truncated: boolean; durationMs: number };

const SQL: Record<string, (call: OperationCall) => Promise<Outcome>> = {
  async read_query(call) {
    const p = call.params as { query: string; max_rows?: number };
    const r = (await sql(call, { op: 'read', sql: p.query, maxRows: p.max_rows ?? DEFAULT_MAX_ROWS }, 'query')) as Columns;
    return result(call, {
      ...r,
      rowCount: r.rows.length,
      summary: `${plural(r.rows.length, 'row')}${r.truncated ? ` (there are more: at most ${p.max_rows ?? DEFAULT_MAX_ROWS} come back)` : ''}`,
    });
  },

  async list_tables(call) {
    const r = (await sql(call, { op: 'tables' }, 'query')) as Columns;
    return result(call, { ...r, rowCount: r.rows.length, summary: plural(r.rows.length, 'table') });
  },

  async execute_statement(call) {
    const p = call.params as { statement: string };
    const tooBig = call.apply ? null : largeBytes(p);
    const r = (await sql(
      call,
      {
        op: 'write',
        sql: p.statement,
        maxChanges: call.apply ? null : LARGE_WRITE_ROWS,
        dryRun: tooBig !== null,
        maxRows: DEFAULT_MAX_ROWS,
      },
      'statement',
    )) as Partial<Columns> & { changes: number; large: boolean; durationMs: number; image?: Uint8Array };
    if (r.large) return { kind: 'large', why: `it changes ${r.changes} rows (more than ${LARGE_WRITE_ROWS})` };
    if (tooBig) return { kind: 'large', why: tooBig };
    keepImage(call.store, call.instance, r.image!);
    return result(call, {
      columns: r.columns ?? [],
      rows: r.rows ?? [],
      truncated: r.truncated ?? false,
      rowCount: r.changes,
      durationMs: r.durationMs,
      summary: `${plural(r.changes, 'row')} changed`,
    });
  },

  async insert_rows(call) {
    const p = call.params as { table: string; rows: Record<string, unknown>[] };
    const why = call.apply
      ? null
      : p.rows.length > LARGE_WRITE_ROWS
        ? `${p.rows.length} rows (more than ${LARGE_WRITE_ROWS})`
        : largeBytes(p);
    const r = (await sql(call, { op: 'insert', table: p.table, rows: p.rows, dryRun: why !== null }, 'rows')) as {
      changes: number;
      durationMs: number;
      image?: Uint8Array;
    };
    if (why) return { kind: 'large', why };
    keepImage(call.store, call.instance, r.image!);
    return result(call, { rowCount: r.changes, durationMs: r.durationMs, summary: `Inserted ${plural(r.changes, 'row')} into ${p.table}` });
  },
};

const OBJECT_COLUMNS: ResultColumn[] = [
  { name: 'key', type: 'TEXT' },
  { name: 'size', type: 'INTEGER' },
  { name: 'content_type', type: 'TEXT' },
  { name: 'last_modified', type: 'TEXT' },
];

const noObject = (key: string) => validationError([issue(['body', 'params', 'key'], `No object with the key ${key}`, 'value_error')]);

const STORAGE: Record<string, (call: OperationCall) => Promise<Outcome>> = {
  async list_objects(call) {
    const t0 = performance.now();
    const p = call.params as { prefix?: string; max_keys?: number };
    const max = p.max_keys ?? DEFAULT_MAX_ROWS;
    const all = objectsOf(call.store, call.instance).filter((o) => o.key.startsWith(p.prefix ?? ''));
    const rows = all.slice(0, max).map((o) => [o.key, o.size, o.content_type, o.last_modified]);
    return result(call, {
      columns: OBJECT_COLUMNS,
      rows,
      rowCount: rows.length,
      truncated: all.length > max,
      durationMs: performance.now() - t0,
      summary: `${plural(rows.length, 'object')}${all.length > max ? ` of ${all.length}` : ''}`,
    });
  },

  async get_object(call) {
    const t0 = performance.now();
    const { key } = call.params as { key: string };
    const o = objectsOf(call.store, call.instance).find((x) => x.key === key);
    if (!o) throw noObject(key);
    return result(call, {
      columns: [...OBJECT_COLUMNS, { name: 'etag', type: 'TEXT' }, { name: 'body', type: 'TEXT' }],
      rows: [[o.key, o.size, o.content_type, o.last_modified, o.etag, o.body]],
      rowCount: 1,
      durationMs: performance.now() - t0,
      summary: `${o.key}, ${plural(o.size, 'byte')}`,
    });
  },

  async put_object(call) {
    const t0 = performance.now();
    const p = call.params as { key: string; body: string; content_type?: string };
    const objects = objectsOf(call.store, call.instance);
    const size = Buffer.byteLength(p.body);
    const total = objects.reduce((sum, o) => sum + (o.key === p.key ? 0 : o.size), 0) + size;
    if (total > MAX_INSTANCE_BYTES) {
      throw conflict(
        `The instance's objects would grow to ${Math.ceil(total / 1024)} KiB, past the ${MAX_INSTANCE_BYTES / 1024} KiB the mock keeps per instance`,
      );
    }
    const why = call.apply
      ? null
      : size > LARGE_WRITE_BYTES
        ? `${Math.ceil(size / 1024)} KB of data (more than ${LARGE_WRITE_BYTES / 1024} KB)`
        : null;
    if (why) return { kind: 'large', why };
    const existed = objects.some((o) => o.key === p.key);
    const o = call.store.connectorObjects.put(
      objectRecord(call.instance, p.key, p.body, p.content_type || 'text/plain', call.store.clock.iso()),
    );
    return result(call, {
      columns: [...OBJECT_COLUMNS, { name: 'etag', type: 'TEXT' }],
      rows: [[o.key, o.size, o.content_type, o.last_modified, o.etag]],
      rowCount: 1,
      durationMs: performance.now() - t0,
      summary: `${existed ? 'Replaced' : 'Wrote'} ${o.key} (${plural(o.size, 'byte')})`,
    });
  },

  async delete_object(call) {
    const t0 = performance.now();
    const { key } = call.params as { key: string };
    // As S3: deleting a key that is not there succeeds and changes nothing.
    const o = objectsOf(call.store, call.instance).find((x) => x.key === key);
    if (o) call.store.connectorObjects.delete(o.id);
    return result(call, {
      rowCount: o ? 1 : 0,
      durationMs: performance.now() - t0,
      summary: o ? `Deleted ${key}` : `No object with the key ${key}: nothing deleted`,
    });
  },
};

const HTTP: Record<string, (call: OperationCall) => Promise<Outcome>> = {
  /** The mock reaches no outside API: it answers as an echo service would, with what was sent. */
  async request(call) {
    const t0 = performance.now();
    const p = call.params as { method?: string; path: string; body?: unknown };
    const why = call.apply ? null : largeBytes(p);
    if (why) return { kind: 'large', why };
    const base = String(call.instance.config.base_url ?? '').replace(/\/+$/, '');
    const method = p.method ?? 'GET';
    const echo = JSON.stringify({ method, path: p.path, ...(p.body !== undefined ? { body: p.body } : {}) });
    return result(call, {
      columns: [
        { name: 'status', type: 'INTEGER' },
        { name: 'method', type: 'TEXT' },
        { name: 'url', type: 'TEXT' },
        { name: 'body', type: 'TEXT' },
      ],
      rows: [[200, method, `${base}${p.path}`, echo]],
      rowCount: 1,
      durationMs: performance.now() - t0,
      summary: `200 OK from ${base}${p.path} (an echo: the mock calls no outside API)`,
    });
  },
};

const BY_CATEGORY: Record<string, Record<string, (call: OperationCall) => Promise<Outcome>>> = {
  database: SQL,
  storage: STORAGE,
  http: HTTP,
};

export function runOperation(call: OperationCall): Promise<Outcome> {
  const run = BY_CATEGORY[call.connector.category]?.[call.operation.id];
  if (!run) throw new Error(`No implementation of ${call.connector.id}.${call.operation.id}`);
  return run(call);
}

/** Whether a connector type keeps SQL data (and takes DDL). */
export const isSql = (connector: ConnectorType) => connector.category === 'database';
