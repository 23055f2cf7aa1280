/**
 * Every record the mock keeps, in one place. A record is what the store holds
 * (and the database keeps, one JSON document per row); the routes turn records
 * into the contract's shapes. `StateFile` is a whole state as one document: the
 * seeds build one, and a JSON state file of an older mock is one.
 */
import type { ActivityEntry } from '../../src/contract/activity';
import type { Role } from '../../src/contract/auth';
import type { ConnectionTest } from '../../src/contract/connectors';
import type { CloudProvider } from '../../src/contract/credentials';
import type { DeploymentEvent, DeploymentKind } from '../../src/contract/deployments';
import type { Organization, Workspace } from '../../src/contract/organizations';
import type { Ring } from '../../src/contract/rings';
import type { HostedService } from '../../src/contract/services';
import type { Revocation } from '../../src/contract/tokens';
import type { Endpoint, ServiceVersion } from '../../src/contract/versions';
import type { ConnectorDataRecord, ConnectorJobRecord, ConnectorObjectRecord, DdlHistoryRecord } from '../connector-operations/records';

export type OrganizationRecord = Organization;
export type WorkspaceRecord = Workspace;
export type RingRecord = Ring & { org_id: string; workspace_id: string };

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  org_id: string;
  /**
   * A salted fingerprint of the password (`hmac-sha256:<salt>:<digest>`,
   * core/hashing.ts); the mock never keeps a password, nor a bare digest a
   * table could reverse. States of older mocks had `password_sha256`, salted on open.
   */
  password_fingerprint: string;
}

/**
 * An organization API key (api-keys/rules.ts). The key itself is never kept:
 * only `key_hash`, a salted fingerprint (`hmac-sha256:<random per-record
 * salt>:<digest>`, core/hashing.ts), and its first characters (`prefix`), by
 * which a key presented to the exchange is found before its fingerprint is checked.
 */
export interface ApiKeyRecord {
  id: string;
  org_id: string;
  /** Whom the key acts as: its creator. */
  user_id: string;
  name: string;
  /** The key's first characters (`fl_` and 8 more); null for a key of an older mock whose text was never known. */
  prefix: string | null;
  key_hash: string;
  created_at: string | null;
  created_by: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

/** An API key as older mocks kept it (a bare SHA-256, by it): moved to `organization_api_keys`, salted, when a state is opened. */
export interface LegacyApiKeyRecord {
  id: string;
  user_id: string;
  name: string;
  key_sha256: string;
}

/** How an agent version's instances start, in the mock: deterministic, so a test can reach `failed` and `unhealthy` (agents/rules.ts). */
export type AgentStartup = 'ready' | 'fails' | 'unhealthy';

export interface AgentVersionRecord {
  id: string;
  version: number;
  label: string | null;
  created_at: string;
  startup: AgentStartup;
}

/** An agent deployment and its versions (seed data: the mock creates none). */
export interface AgentDeploymentRecord {
  id: string;
  org_id: string;
  name: string;
  description: string | null;
  current_version_id: string;
  versions: AgentVersionRecord[];
  created_at: string;
  updated_at: string;
}

/**
 * An agent service instance as stored: what it is and when things were asked
 * of it; its status, times and readiness follow from the clock (agents/rules.ts).
 * Its environment values are not here, nor anywhere (seed 003); neither is its
 * public URL, whose edge token is derived from a secret when it is shown.
 */
export interface AgentServiceRecord {
  id: string;
  org_id: string;
  deployment_id: string;
  version_id: string;
  port: number;
  sandbox_id: string;
  process_id: number;
  startup: AgentStartup;
  created_at: string;
  created_by: string;
  idempotency_key: string | null;
  stop_requested_at: string | null;
  stop_requested_by: string | null;
}

export interface RefreshTokenRecord {
  token_sha256: string;
  user_id: string;
  session_id: string;
  expires_at: number;
}

/** An access token revoked before its expiry (logout). */
export interface RevokedJtiRecord {
  jti: string;
  /** The token's own expiry (seconds): after it the record may go. */
  exp: number;
}

/** A hosted service as stored: the contract's shape minus the version-derived fields. */
export type ServiceRecord = Omit<HostedService, 'active_version_id' | 'active_version' | 'draft_version_id' | 'draft_version'>;
export type VersionRecord = ServiceVersion;
/** An endpoint of a version: drafts' are edited; published ones are kept, read-only. */
export type EndpointRecord = Endpoint;

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

/** Cloud credentials without their secret, which is kept only as a fingerprint. */
export interface CredentialsRecord {
  scope: 'organization' | 'service';
  org_id: string;
  /** Null for the organization's record. */
  service_id: string | null;
  cloud_provider: CloudProvider;
  cloud_project_id: string;
  cloud_region: string | null;
  fingerprint: string;
  updated_at: string;
  updated_by: string | null;
}

export type ConnectorValue = string | number | boolean;

/**
 * A connector instance as stored: non-secret config, and secrets apart, each
 * as a salted fingerprint (`hmac-sha256:<salt>:<digest>`, core/hashing.ts):
 * the mock only needs to know a secret is set, and whether one sent again is
 * the same.
 */
export interface ConnectorInstanceRecord {
  id: string;
  org_id: string;
  workspace_id: string;
  connector_id: string;
  name: string;
  description: string | null;
  config: Record<string, ConnectorValue>;
  secrets: Record<string, string>;
  last_test: ConnectionTest | null;
  created_at: string;
  updated_at: string;
}

export type RevocationRecord = Revocation;

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

/**
 * A service token the platform minted: what identifies and describes it, never
 * the token itself (its status is computed when read: tokens/rules.ts).
 */
export interface MintedTokenRecord {
  jti: string;
  service_id: string;
  claims: Record<string, unknown>;
  /** To the millisecond, as the token's `iat` (a revoke-all compares it). */
  issued_at: string;
  expires_at: string;
  issued_by: string;
}

/**
 * Who did what to a service, and when. An outcome known in advance (a deploy
 * planned to finish or fail at a time) is stored with that time and shown once
 * it has come, as deployments are (activity/rules.ts).
 */
export type ActivityRecord = ActivityEntry;

/** A create that succeeded under an `Idempotency-Key`: what a repeat of it answers. */
export interface IdempotencyRecord {
  /** sha256 of user, method, path with query, and the key. */
  key: string;
  /** An HMAC of the canonical body under a secret kept apart from the state (idempotency.ts); older records hold a bare SHA-256. */
  body_sha256: string;
  status: number;
  body: unknown;
  /** Absent in records written before headers were kept. */
  headers?: Record<string, string>;
  created_at: number;
}

/**
 * A whole state as one document: what the seeds build, and the format of the
 * JSON state files older mocks wrote (imported once into the database). Each
 * array is a collection of the store, by the same name; optional ones are
 * absent in older files.
 */
export interface StateFile {
  format: 1;
  seed: string;
  /**
   * Signing secrets, in JSON state files of older mocks only: handed over to
   * the secrets file once (secrets.ts), never written into a state again.
   */
  jwt_secret?: string;
  service_token_secret?: string;
  organizations: OrganizationRecord[];
  workspaces: WorkspaceRecord[];
  rings: RingRecord[];
  users: UserRecord[];
  /** Older mocks' API keys (unsalted): imported into `organization_api_keys`. */
  api_keys?: LegacyApiKeyRecord[];
  organization_api_keys?: ApiKeyRecord[];
  services: ServiceRecord[];
  versions: VersionRecord[];
  endpoints?: EndpointRecord[];
  deployments?: DeploymentRecord[];
  cloud_credentials?: CredentialsRecord[];
  refresh_tokens: RefreshTokenRecord[];
  revoked_jtis: RevokedJtiRecord[];
  idempotency: IdempotencyRecord[];
  connector_instances?: ConnectorInstanceRecord[];
  service_token_revocations?: RevocationRecord[];
  jobs?: JobRecord[];
  service_tokens?: MintedTokenRecord[];
  activity?: ActivityRecord[];
  agent_deployments?: AgentDeploymentRecord[];
  agent_services?: AgentServiceRecord[];
  // Connector instances' own data (mock-server/connector-operations/records.ts).
  connector_data?: ConnectorDataRecord[];
  connector_objects?: ConnectorObjectRecord[];
  connector_jobs?: ConnectorJobRecord[];
  connector_ddl?: DdlHistoryRecord[];
}
