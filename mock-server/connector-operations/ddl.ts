/**
 * DDL on an SQL instance (CONTRACT §14; seed 002 and 004
 * `execute_ddl(instance_id, sql, confirm, reason)`): a preview runs the
 * statements on a copy of the instance's database and reports what they do —
 * each statement, its effects, whether it destroys data — and keeps nothing;
 * a confirm runs them the same way and keeps the result, with a history
 * entry (who, when, the SQL, why) and an entry in the activity of every
 * service bound to the instance, in the same unit of work.
 *
 * **Why SQLite judges, not a SQL parser**: the statements run on SQLite, so
 * SQLite is the one to say whether they are valid and what they do. A parser
 * (node-sql-parser, say) would be a second opinion that can disagree with the
 * engine (its dialects differ from SQLite's in the corners: `JSONB`, `ADD
 * COLUMN … DEFAULT true`). The runner splits the script as SQLite's own
 * `sqlite3_complete()` does, takes only statements that begin CREATE, ALTER
 * or DROP (what DDL means), runs them in order, and finds each one's effects
 * by comparing the schema (tables and their columns and row counts,
 * indexes, views, triggers) before and after it. A statement SQLite refuses
 * is a 422 on `sql` with SQLite's words — or a 409 when something already
 * exists (the same `ADD COLUMN` again) or a constraint stands in the way.
 */
import { randomUUID } from 'node:crypto';
import type { DdlEffect, DdlOutcome, DdlStatement } from '../../src/contract/connector-operations';
import type { ConnectorType } from '../../src/contract/connectors';
import { record } from '../activity/rules';
import { bindersOf } from '../connectors/rules';
import { issue, validationError } from '../core/errors';
import type { ConnectorInstanceRecord } from '../connectors/records';
import type { PlatformUser } from '../core/context';
import type { Store } from '../core/store';
import { isSql, refusal } from './execute';
import { keepImage, runSql } from './instance-data';
import type { DdlHistoryRecord } from './records';

type RunnerDdl = { statements: DdlStatement[]; effects: DdlEffect[]; destructive: boolean; image?: Uint8Array };

/** SQL shown in a sentence: one line, at most `max` characters. */
const inBrief = (sql: string, max = 120) => {
  const line = sql.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

export async function runDdl(o: {
  store: Store;
  connector: ConnectorType;
  instance: ConnectorInstanceRecord;
  sql: string;
  confirm: boolean;
  reason: string | null;
  by: PlatformUser;
  sqlTimeLimitMs: number;
}): Promise<DdlOutcome> {
  if (!isSql(o.connector)) {
    throw validationError([
      issue(['body', 'sql'], `${o.connector.name} instances have no schema: DDL runs against SQL databases only`, 'value_error'),
    ]);
  }
  let ran: RunnerDdl;
  try {
    ran = (await runSql(o.store, o.instance, { op: 'ddl', sql: o.sql, apply: o.confirm }, o.sqlTimeLimitMs)) as unknown as RunnerDdl;
  } catch (e) {
    throw refusal(e, ['body', 'sql']);
  }
  const outcome = { statements: ran.statements, effects: ran.effects, destructive: ran.destructive };
  if (!o.confirm) return { executed: false, ...outcome, record_id: null, executed_at: null };

  keepImage(o.store, o.instance, ran.image!);
  const at = o.store.clock.iso();
  const entry: DdlHistoryRecord = {
    id: randomUUID(),
    workspace_id: o.instance.workspace_id,
    instance_id: o.instance.id,
    sql: o.sql,
    reason: o.reason!,
    executed_by: { id: o.by.id, email: o.by.email },
    executed_at: at,
    ...outcome,
  };
  o.store.connectorDdl.put(entry);
  // A schema change reaches every service bound to the instance: their timelines say who made it, and why.
  for (const service of bindersOf(o.store, o.instance)) {
    const bindings = Object.entries(service.connector_bindings)
      .filter(([, b]) => b.connector_instance_id === o.instance.id)
      .map(([name]) => name);
    record(o.store, service.id, o.by, {
      kind: 'connector.ddl_executed',
      at,
      summary: `Changed the schema of ${o.instance.name} (bound as ${bindings.join(', ')}): ${inBrief(o.sql)} — “${inBrief(o.reason!, 200)}”${outcome.destructive ? ' (destroyed data)' : ''}`,
    });
  }
  return { executed: true, ...outcome, record_id: entry.id, executed_at: at };
}

/** The instance's history in the order recorded (the list reads it newest first). */
export function ddlHistory(store: Store, instanceId: string): DdlHistoryRecord[] {
  return store.connectorDdl.in('instance', instanceId);
}
