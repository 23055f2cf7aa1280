import type { DeploymentEvent, DeploymentKind } from '../../src/contract/deployments';

/** A build, deploy or teardown as stored: its events include the planned (future) ones. */
export interface DeploymentRecord {
  id: string;
  service_id: string;
  kind: DeploymentKind;
  build: boolean;
  version_id: string | null;
  version: number | null;
  started_by: { id: string; email: string };
  started_at: string;
  /** When the attempt reaches its outcome (built, active or failed); may lie in the future. */
  finished_at: string | null;
  /** Ascending by time; those after "now" have not happened yet. */
  events: DeploymentEvent[];
}
