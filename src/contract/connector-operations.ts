/**
 * Connector operations and DDL (CONTRACT §14; seed 001 lists
 * `POST …/connectors/{connector_id}/instances/{instance_id}/operations/{operation_id}/execute`,
 * seed 002 calls it `execute_operation(connector_instance_id, operation, params)`,
 * seeds 002 and 004 show `execute_ddl(instance_id, sql, confirm, reason)`).
 *
 * - A connector type lists its operations `{id, name, description, kind, params_schema}`
 *   **[decision]**; `params_schema` is a JSON Schema the platform checks the
 *   params against (422 at `["body", "params", <field>]`).
 * - Execute `{"params": {...}}` **[body: decision]** → the rows read or the
 *   rows changed; a write of more than `LARGE_WRITE_ROWS` rows or
 *   `LARGE_WRITE_BYTES` of data answers 202 with a job (seed 002's "Large
 *   Writes"), polled at `GET …/instances/{instance_id}/jobs/{job_id}` **[decision, extension]**.
 * - DDL at `…/instances/{instance_id}/ddl` **[decision, extension]**: a preview
 *   (`confirm: false`) changes nothing; a confirm needs a reason and an admin.
 *   `GET …/ddl` lists what ran, newest first.
 */
import * as z from 'zod/mini';
import { Id, humanText, listQuery } from './common';
import { errorAsText, isObject, lenient, mended, strict, withPage, type Mode, type Reading } from './reading';

/** What an operation does to the instance's data: reads answer rows, writes change them. */
export const OperationKind = z.enum(['read', 'write']);
export type OperationKind = z.infer<typeof OperationKind>;

/** A JSON Schema (an object), as a connector type declares its operation's params. */
export const ParamsSchema = z.record(z.string(), z.unknown());
export type ParamsSchema = z.infer<typeof ParamsSchema>;

/** The media type a params schema gives a string holding SQL (`contentMediaType`, JSON Schema 2019-09): the console shows a SQL editor for it. */
export const SQL_MEDIA_TYPE = 'application/sql';

/** A write larger than this many rows runs as a job (seed 002: "more than 100 rows"). */
export const LARGE_WRITE_ROWS = 100;
/** …or larger than this many bytes of data (seed 002: "or 256 KB"). */
export const LARGE_WRITE_BYTES = 256 * 1024;

const connectorOperation = <M extends Mode>(r: Reading<M>) =>
  z.object({
    id: z.string(),
    name: r.decided(z.string(), null),
    description: r.decided(z.string(), null),
    kind: r.decided(r.openEnum(OperationKind), null),
    /** Null when the platform does not describe the params: the console then takes them as JSON. */
    params_schema: r.decided(ParamsSchema, null),
  });

export const ConnectorOperation = connectorOperation(strict);
export type ConnectorOperation = z.infer<typeof ConnectorOperation>;

/**
 * An operation as the console reads a platform: one named only by `name` (as
 * our earlier catalog did) takes it as its id, and the other way round.
 */
export const readConnectorOperation = mended((op) => {
  if (op.id === undefined && typeof op.name === 'string') op.id = op.name;
  if (op.name === undefined && typeof op.id === 'string') op.name = op.id;
}, connectorOperation(lenient));
export type ConnectorOperationRead = z.output<typeof readConnectorOperation>;

// ---- execute ------------------------------------------------------------------

/** The body of an execute: the params, checked against the operation's `params_schema`. */
export const ExecuteRequest = z.strictObject({
  params: z._default(z.record(z.string(), z.unknown(), { error: 'params must be a JSON object' }), () => ({})),
});
export type ExecuteRequest = z.input<typeof ExecuteRequest>;

/** A column of a result: its name and, where the data says, its declared type. */
export const ResultColumn = z.object({ name: z.string(), type: z.nullable(z.string()) });
export type ResultColumn = z.infer<typeof ResultColumn>;

/** A cell: JSON's scalars (a blob reads as `\x…` hex text). */
export const Cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Cell = z.infer<typeof Cell>;

/**
 * What an operation answered: the rows a read found (one array per row, in
 * the order of `columns`; at most what was asked for, `truncated` when more
 * were there), or for a write none and `row_count` the rows it changed.
 */
export const ExecuteResult = z.object({
  operation_id: z.string(),
  status: z.literal('succeeded'),
  columns: z.array(ResultColumn),
  rows: z.array(z.array(Cell)),
  /** Rows returned by a read; rows changed by a write. */
  row_count: z.int().check(z.minimum(0)),
  /** A read stopped at its row or size limit: there were more rows. */
  truncated: z.boolean(),
  duration_ms: z.number().check(z.minimum(0)),
  /** What happened, in words ("3 rows", "Inserted 150 rows into users"). */
  summary: z.string(),
});
export type ExecuteResult = z.infer<typeof ExecuteResult>;

export type ExecuteResultRead = {
  operation_id: string | null;
  status: string | null;
  columns: ResultColumn[];
  rows: unknown[][];
  row_count: number;
  truncated: boolean;
  duration_ms: number | null;
  summary: string | null;
};

/**
 * A result as the console reads a platform: rows as arrays or as objects
 * (columns then from their keys), columns as names or `{name, type}`, the
 * count and the time possibly missing.
 */
export const readExecuteResult = z.pipe(
  z.object({
    operation_id: z.optional(z.nullable(z.string())),
    status: z.optional(z.nullable(z.string())),
    columns: z.optional(
      z.nullable(z.array(z.union([z.string(), z.object({ name: z.string(), type: z.optional(z.nullable(z.string())) })]))),
    ),
    rows: z.optional(z.nullable(z.array(z.unknown()))),
    row_count: z.optional(z.nullable(z.number())),
    truncated: z.optional(z.nullable(z.boolean())),
    duration_ms: z.optional(z.nullable(z.number())),
    summary: z.optional(z.nullable(z.string())),
  }),
  z.transform((raw): ExecuteResultRead => {
    const rawRows = raw.rows ?? [];
    let columns: ResultColumn[] = (raw.columns ?? []).map((c) =>
      typeof c === 'string' ? { name: c, type: null } : { name: c.name, type: c.type ?? null },
    );
    if (columns.length === 0) {
      const names = new Set<string>();
      for (const row of rawRows) if (isObject(row)) for (const k of Object.keys(row)) names.add(k);
      columns = [...names].map((name) => ({ name, type: null }));
    }
    const rows = rawRows.map((row) => (Array.isArray(row) ? row : isObject(row) ? columns.map((c) => row[c.name]) : [row]));
    return {
      operation_id: raw.operation_id ?? null,
      status: raw.status ?? null,
      columns,
      rows,
      row_count: raw.row_count ?? rows.length,
      truncated: raw.truncated ?? false,
      duration_ms: raw.duration_ms ?? null,
      summary: raw.summary ?? null,
    };
  }),
);

// ---- jobs (large writes) --------------------------------------------------------

/** A job's lifecycle, as §7's: `queued → running → succeeded | failed` (a connector write is not cancelled). */
export const ConnectorJobStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
export const isConnectorJobFinished = (status: string) => status === 'succeeded' || status === 'failed' || status === 'cancelled';

const connectorJob = <M extends Mode>(r: Reading<M>, result: z.core.$ZodType) =>
  z.object({
    id: z.string(),
    status: r.openEnum(ConnectorJobStatus),
    submitted_at: r.timestamp,
    started_at: r.decided(z.nullable(r.timestamp), null),
    finished_at: r.decided(z.nullable(r.timestamp), null),
    /** The write's result once it succeeded, else null. */
    result: r.decided(z.nullable(result), null),
    error: r.decided(z.nullable(z.string()), null),
    instance_id: r.extra(Id),
    operation_id: r.extra(z.string()),
  });

/** A large write's job (CONTRACT §14), shaped as §7's; `job_id` repeats `id` as seed 002 reads it. */
export const ConnectorJob = z.extend(connectorJob(strict, ExecuteResult), { job_id: z.optional(z.string()) });
export type ConnectorJob = z.infer<typeof ConnectorJob>;

/** A job as the console reads it: the id from `id` or `job_id`, an `error` object read as its message. */
export const readConnectorJob = mended(
  (job) => {
    if (job.id === undefined && job.job_id !== undefined) job.id = String(job.job_id);
    errorAsText(job);
  },
  connectorJob(lenient, readExecuteResult),
);
export type ConnectorJobRead = Omit<z.output<typeof readConnectorJob>, 'result'> & { result: ExecuteResultRead | null };

// ---- DDL ------------------------------------------------------------------------

/** The most SQL one DDL request takes. */
export const DDL_MAX_CHARS = 100_000;

export const DdlSql = z.string({ error: 'Write the DDL to run' }).check(
  z.refine((s) => s.trim().length > 0, { error: 'Write the DDL to run' }),
  z.maxLength(DDL_MAX_CHARS, { error: `DDL must be at most ${DDL_MAX_CHARS} characters` }),
);

/** Why DDL runs: required to confirm (seed 004's `reason`), a sentence or two. */
export const DdlReason = z
  .string({ error: 'Give a reason' })
  .check(
    z.trim(),
    z.minLength(1, { error: 'Give a reason: the history keeps who ran what and why' }),
    z.maxLength(500, { error: 'Reason must be at most 500 characters' }),
    humanText('Reason', { multiline: true }),
  );

/**
 * `POST …/ddl` (seed 002, 004 `execute_ddl(instance_id, sql, confirm, reason)`):
 * `confirm` false (the default) previews; true runs it, with a `reason` —
 * checked by the platform with `DdlReason` after the role (a developer's
 * confirm is a 403 whatever it says), so here it may be anything textual.
 */
export const DdlRequest = z.strictObject({
  sql: DdlSql,
  confirm: z._default(z.boolean({ error: 'confirm must be true or false' }), false),
  reason: z.optional(z.nullable(z.string({ error: 'Reason must be text' }))),
});
export type DdlRequest = z.input<typeof DdlRequest>;

/** The confirm form's fields: the reason is required there, with the rule the platform applies. */
export const DdlConfirmForm = z.object({ reason: DdlReason });

/** What a statement does to the schema, as found by running it (and, for a preview, rolling it back). */
export const DdlEffectKind = z.enum([
  'create_table',
  'drop_table',
  'rename_table',
  'add_column',
  'drop_column',
  'rename_column',
  'create_index',
  'drop_index',
  'create_view',
  'drop_view',
  'create_trigger',
  'drop_trigger',
  'no_change',
]);
export type DdlEffectKind = z.infer<typeof DdlEffectKind>;

const ddlStatement = <M extends Mode>(r: Reading<M>) =>
  z.object({
    /** 1-based, in the order written. */
    index: z.int(),
    sql: z.string(),
    destructive: r.decided(z.boolean(), null),
  });

const ddlEffect = <M extends Mode>(r: Reading<M>) =>
  z.object({
    statement_index: r.decided(z.int(), null),
    kind: r.openEnum(DdlEffectKind),
    /** The table, index, view or trigger it concerns. */
    object: r.decided(z.string(), null),
    /** In words: "Adds column active (BOOLEAN, default true) to users: its 5 rows get the default". */
    description: z.string(),
    /** It destroys data (a table or a column, and their values). */
    destructive: z.boolean(),
    /** Rows that lose data, or that the change touches; null where none. */
    rows_affected: r.decided(z.nullable(z.int()), null),
  });

const ddlOutcome = <M extends Mode>(r: Reading<M>) =>
  z.object({
    executed: z.boolean(),
    statements: z.array(ddlStatement(r)),
    effects: z.array(ddlEffect(r)),
    destructive: z.boolean(),
    /** Once executed: the history entry (`GET …/ddl`). */
    record_id: r.extra(z.nullable(Id)),
    executed_at: r.extra(z.nullable(r.timestamp)),
  });
export const [DdlOutcome, readDdlOutcome] = [ddlOutcome(strict), ddlOutcome(lenient)];
export type DdlOutcome = z.infer<typeof DdlOutcome>;
export type DdlOutcomeRead = z.output<typeof readDdlOutcome>;
export type DdlEffect = DdlOutcome['effects'][number];
export type DdlStatement = DdlOutcome['statements'][number];

/** What ran: who, when, the SQL and why — the instance's history. */
const ddlRecord = <M extends Mode>(r: Reading<M>) =>
  z.object({
    id: Id,
    instance_id: r.decided(Id, null),
    sql: z.string(),
    reason: r.decided(z.string(), null),
    executed_by: r.decided(z.object({ id: z.string(), email: z.string() }), null),
    executed_at: r.timestamp,
    statements: r.decided(z.array(ddlStatement(r)), []),
    effects: r.decided(z.array(ddlEffect(r)), []),
    destructive: r.decided(z.boolean(), false),
  });
export const [DdlRecord, DdlRecordPage] = withPage(ddlRecord, strict);
export const [readDdlRecord, readDdlRecordPage] = withPage(ddlRecord, lenient);
export type DdlRecord = z.infer<typeof DdlRecord>;
export type DdlRecordRead = z.output<typeof readDdlRecord>;

/** `GET …/ddl`: newest first (`executed_at`, the only sort); `search` covers the SQL, the reason and who ran it. */
export const DdlListQuery = listQuery(['executed_at']);

/**
 * What an execute answers, as the console reads it: the result (200), or a
 * large write's job (202) — told apart by their shapes (a job has `submitted_at`).
 */
export type ExecuteAnswerRead = { kind: 'result'; result: ExecuteResultRead } | { kind: 'job'; job: ConnectorJobRead };
export const readExecuteAnswer = z.union([
  z.pipe(
    readConnectorJob,
    z.transform((job): ExecuteAnswerRead => ({ kind: 'job', job: job as ConnectorJobRead })),
  ),
  z.pipe(
    readExecuteResult,
    z.transform((result): ExecuteAnswerRead => ({ kind: 'result', result })),
  ),
]);
