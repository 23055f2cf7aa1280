/**
 * A request record as the log keeps it (CONTRACT §12): the contract's record,
 * and what the log and the aggregates need beside it — its place in the log
 * (`seq`), its time in milliseconds, its workspace, and whether its path is an
 * endpoint's template. Never a body, a header, a query string or a token.
 */
import type { RequestRecord } from '../../src/contract/requests';

export interface RequestEntry {
  /**
   * Its place in the log: increasing in the order records are made, and so in
   * `time` (the log makes times non-decreasing), which lets a time range be a
   * range of `seq` and every index end in it (SQLite's rowid).
   */
  seq: number;
  /** `record.time` in milliseconds since the epoch. */
  at: number;
  workspace_id: string;
  /** Whether `record.path` is the endpoint's template (the metrics' `path` reads templates only). */
  templated: boolean;
  record: RequestRecord;
}

/** What the gateway knows of a call when it has answered: the log adds the time and its place. */
export type CallRecord = Omit<RequestRecord, 'time'> & { workspace_id: string; templated: boolean };
