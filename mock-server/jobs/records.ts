/**
 * An async job (CONTRACT §7), planned in full when it is submitted: when it
 * starts and finishes and how it ends are stored times and values, and its
 * status is read from the clock (jobs/rules.ts). The request body is not kept.
 */
export interface JobRecord {
  id: string;
  org_id: string;
  workspace_id: string;
  service_id: string;
  version_id: string;
  version: number;
  method: string;
  path: string;
  submitted_at: string;
  /** Planned: may lie in the future. */
  started_at: string;
  /** Planned: may lie in the future. */
  finished_at: string;
  /** How it ends unless cancelled first. */
  outcome: 'succeeded' | 'failed';
  /** The result (an example of the response schema) when it succeeds. */
  result: unknown;
  /** Why it fails, when it does. */
  error: string | null;
  cancelled_at: string | null;
  /** A user id, or `service-token:<jti>`. */
  submitted_by: string;
}
