/**
 * What the connector-operations domain keeps (its collections, in
 * domain.ts): each instance's own data, the jobs of its large writes, and the
 * DDL it ran. Each belongs to its instance and is deleted with it.
 */
import type { DdlEffect, DdlStatement, ExecuteResult } from '../../src/contract/connector-operations';

/**
 * An instance's data, once something was written to it (before that, it
 * reads as its seed). For an SQL instance, the SQLite image, base64: kept
 * whole in one record so a write commits with the request's unit of work,
 * like every other change, and survives a restart. For a storage instance,
 * no image: the record says its seed objects were laid out (its objects are
 * records of their own).
 */
export interface ConnectorDataRecord {
  instance_id: string;
  workspace_id: string;
  /** The SQLite database file, base64; null for a storage instance. */
  image: string | null;
  bytes: number;
  updated_at: string;
}

/** A storage instance's object. The first operation on an instance lays out its seed objects and marks it seeded. */
export interface ConnectorObjectRecord {
  /** `<instance id>/<key>`. */
  id: string;
  instance_id: string;
  key: string;
  /** Text (the mock's objects are text). */
  body: string;
  content_type: string;
  size: number;
  etag: string;
  last_modified: string;
}

/** A large write (CONTRACT §14): planned when submitted, applied when its time comes (jobs.ts). */
export interface ConnectorJobRecord {
  id: string;
  workspace_id: string;
  instance_id: string;
  connector_id: string;
  operation_id: string;
  /** The write's params until it is applied (then null: nothing keeps a large body longer than needed). */
  params: Record<string, unknown> | null;
  submitted_by: string;
  submitted_at: string;
  started_at: string;
  finished_at: string;
  /** Set when applied. */
  outcome: { status: 'succeeded'; result: ExecuteResult } | { status: 'failed'; error: string } | null;
}

/** DDL that ran on an instance: who, when, the SQL, why, and what it did. */
export interface DdlHistoryRecord {
  id: string;
  workspace_id: string;
  instance_id: string;
  sql: string;
  reason: string;
  executed_by: { id: string; email: string };
  executed_at: string;
  statements: DdlStatement[];
  effects: DdlEffect[];
  destructive: boolean;
}
