/**
 * What a request handler reaches through `c.var`: the platform (store and
 * settings), the caller, the scope resolved from the path, and the parsed
 * input. Middleware fills them in (auth.ts,
 * scope.ts, operations.ts, idempotency.ts).
 */
import type { ConnectorType } from '../../src/contract/connectors';
import type { Clock } from './clock';
import type {
  AgentDeploymentRecord,
  AgentServiceRecord,
  ApiKeyRecord,
  ConnectorInstanceRecord,
  EndpointRecord,
  OrganizationRecord,
  RingRecord,
  ServiceRecord,
  UserRecord,
  VersionRecord,
  WorkspaceRecord,
} from './records';
import type { Reply } from './replies';
import type { SeedName } from './seed-ids';
import type { Store } from './store';
import type { SignInThrottle } from './throttle';

/** `full`: everything the mock offers; `documented`: only what the seeds document (CONTRACT §11). */
export type MockProfile = 'full' | 'documented';

/** The caller, from a verified access token. */
export interface Principal {
  user: UserRecord;
  jti: string;
  exp: number;
  sid: string;
}

/**
 * Who calls the gateway or its jobs (operations with `auth: 'gateway'`): a
 * user with their own access token, or a service token minted for the service.
 */
export type GatewayCaller = { kind: 'user'; principal: Principal } | { kind: 'service-token'; jti: string; serviceId: string };

export interface TokenSettings {
  /** Access token lifetime in seconds. */
  accessTtl: number;
  /** Refresh token lifetime in seconds. */
  refreshTtl: number;
}

/** A create under way with an `Idempotency-Key`: repeats wait for its outcome. */
export interface InFlightCreate {
  bodySha256: string;
  outcome: Promise<Reply>;
}

export interface Platform {
  store: Store;
  /** The one clock (clock.ts): the same as `store.clock`. */
  clock: Clock;
  tokens: TokenSettings;
  /** Length of each deployment phase, ms (deployments/rules.ts). */
  deployPhaseMs: number;
  /** How long a version replaced by a 100% publish drains before it reads archived, ms (versions/rules.ts). */
  drainMs: number;
  /** How long an async job runs, ms (jobs/rules.ts). */
  jobRunMs: number;
  /** The sync gateway's answer time, ms (gateway/routes.ts). */
  gatewayLatencyMs: number;
  /** Length of each phase of an agent service instance (starting, stopping…), ms (agents/rules.ts). */
  agentPhaseMs: number;
  /** Check every response body against its contract schema (a mismatch is a 500: a bug). */
  validateResponses: boolean;
  /** Which surface it serves: in `documented`, extension operations do not exist and extension query parameters are ignored. */
  profile: MockProfile;
  /** The OpenAPI document of the operations it serves (made once). */
  openapi(): unknown;
  /** Failed sign-ins per account (throttle.ts). */
  signInThrottle: SignInThrottle;
  reset(seed?: SeedName): void;
  /** By idempotency key id (idempotency.ts). */
  inflight: Map<string, InFlightCreate>;
}

/** Resolved from the path's parameters, once, before the handler (scope.ts). */
export interface ScopeVars {
  org: OrganizationRecord;
  workspace: WorkspaceRecord;
  service: ServiceRecord;
  version: VersionRecord;
  endpoint: EndpointRecord;
  ring: RingRecord;
  /** A catalog type (the same in every workspace). */
  connector: ConnectorType;
  instance: ConnectorInstanceRecord;
  /** In the caller's organization. */
  agentDeployment: AgentDeploymentRecord;
  agentService: AgentServiceRecord;
  /** In the organization of the path. */
  apiKey: ApiKeyRecord;
}

export interface RequestVars {
  platform: Platform;
  store: Store;
  principal: Principal;
  /** The gateway's caller (auth `gateway`). */
  caller: GatewayCaller;
  /** The parsed body and query (the contract's output types). */
  body: unknown;
  query: unknown;
  /** The body as sent (JSON), for the idempotency check. */
  rawBody: unknown;
  /** The handler's reply, for the idempotency record. */
  reply: Reply;
}

/** The Hono environment of the mock: every variable, as middleware may or may not have set it. */
export type MockEnv = { Variables: Partial<RequestVars & ScopeVars> & Pick<RequestVars, 'platform' | 'store'> };
