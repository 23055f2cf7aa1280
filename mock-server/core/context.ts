/**
 * What a request handler reaches through `c.var`: the platform (store, clock
 * and settings), the caller, the scope resolved from the path, and the parsed
 * input. Middleware fills them in (auth.ts, scope.ts, operations.ts,
 * idempotency.ts).
 *
 * Core names no domain. What the domains add to these types — their settings
 * (`Settings`) and the path parameters they resolve (`ScopeParams`), like
 * their collections and queries (store.ts `Collections`, `StoreQueries`) — they
 * declare in their own `domain.ts` by module augmentation, the way Hono's
 * `ContextVariableMap` is extended:
 *
 *   declare module '../core/context' {
 *     interface Settings { deployPhaseMs: number }
 *     interface ScopeParams { service_id: { var: 'service'; value: ServiceRecord } }
 *   }
 *
 * so `c.var.platform.settings.deployPhaseMs` and, on `…/:service_id`,
 * `c.var.service` are typed in every handler; the composition root
 * (platform.ts) checks at compile time that each declaration is registered by
 * a domain it lists.
 */
import type { Role } from '../../src/contract/auth';
import type { Clock } from './clock';
import type { Reply } from './replies';
import type { SeedName } from './seed-ids';
import type { Store } from './store';
import type { Wall } from './wall';

/** `full`: everything the mock offers; `documented`: only what the seeds document (CONTRACT §11). */
export type MockProfile = 'full' | 'documented';

/** A user as every domain sees one: who calls, who did what (the auth domain keeps more of them). */
export interface PlatformUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  org_id: string;
}

/** The caller, from a verified access token (or another bearer credential: `AuthHooks.bearer`). */
export interface Principal {
  user: PlatformUser;
  jti: string;
  exp: number;
  sid: string;
}

/**
 * Who calls the gateway or its jobs (operations with `auth: 'gateway'`): a
 * user with their own access token, or a service token minted for the service.
 */
export type GatewayCaller = { kind: 'user'; principal: Principal } | { kind: 'service-token'; jti: string; serviceId: string };

/** A create under way with an `Idempotency-Key`: repeats wait for its outcome. */
export interface InFlightCreate {
  bodySha256: string;
  outcome: Promise<Reply>;
}

/**
 * The settings the domains declare, each with its default in the domain's
 * `settings` (`MockPlatformOptions` of the same name override it; main.ts
 * reads them from the environment). Extended by the domains.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the domains (module augmentation)
export interface Settings {}

/**
 * The path parameters that name a thing, the `c.var` each is resolved into and
 * what it holds: `service_id: { var: 'service'; value: ServiceRecord }`.
 * Extended by the domains, which resolve them (`ScopeResolver`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the domains (module augmentation)
export interface ScopeParams {}

export type ScopeParam = keyof ScopeParams & string;
type VarOf<P extends ScopeParam> = ScopeParams[P] extends { var: infer V extends string } ? V : never;
type ValueOf<P extends ScopeParam> = ScopeParams[P] extends { value: infer T } ? T : never;
/** What the scope of a path puts in `c.var`: `{ org, workspace, service, … }`. */
export type ScopeVars = { [P in ScopeParam as VarOf<P>]: ValueOf<P> };

/** A path parameter in the OpenAPI document, when it is not a UUID: its schema and description. */
export interface ParamDoc {
  schema: Record<string, unknown>;
  description: string;
}

/** How a domain resolves one path parameter (scope.ts), before the role check, so an unknown thing is a 404 before any 403. */
export interface ScopeResolver<P extends ScopeParam = ScopeParam> {
  /** The `c.var` it fills. */
  var: VarOf<P>;
  /** What it names: in its 404 ("Service not found") and in the OpenAPI document ("Service id"). */
  thing: string;
  /** Its schema and description in the OpenAPI document, when it is not a UUID. */
  doc?: ParamDoc;
  /**
   * Find it, given what the parameters before it in the path resolved;
   * undefined is a 404 naming `thing` (it may throw another error of its own).
   */
  find(at: {
    store: Store;
    id: string;
    scope: Partial<ScopeVars>;
    caller: Principal | undefined;
    params: Readonly<Record<string, string>>;
  }): ValueOf<P> | undefined;
}

/** Every resolver a domain offers, by path parameter. */
export type ScopeResolvers = { [P in ScopeParam]?: ScopeResolver<P> };

/**
 * A domain's part in who is calling (auth.ts): core checks an access token's
 * signature and expiry; these say who it is and whether the session stands.
 */
export interface AuthHooks {
  /** Who an access token's `sub` is; undefined: "Invalid token". One domain answers (auth: its users, unless the token was revoked). */
  user?(store: Store, token: { sub: string; jti: string; sid: string }): PlatformUser | undefined;
  /** Whether the session still stands; throws the 401 when not (api-keys: a session opened with a key ends when the key is revoked). */
  session?(store: Store, principal: Principal): void;
  /**
   * A bearer credential that is not an access token, on operations that take
   * one (`apiKeyBearer`): the principal it stands for, undefined when the
   * token is not of its kind, or the 401 (api-keys: an organization key, `fl_…`).
   */
  bearer?(store: Store, token: string): Principal | undefined;
}

/** What the domains registered that core's middleware reads at request time. */
export interface Registry {
  /** By path parameter. */
  scope: ReadonlyMap<string, ScopeResolver>;
  /** In the order the root lists the domains. */
  auth: readonly AuthHooks[];
}

export interface Platform {
  store: Store;
  /** The one clock (clock.ts): the same as `store.clock`. */
  clock: Clock;
  /** Real time on the network (wall.ts): what latency waits and request durations read. */
  wall: Wall;
  /** Every domain's settings: its defaults, overridden by the options. */
  settings: Readonly<Settings>;
  /** Check every response body against its contract schema (a mismatch is a 500: a bug). */
  validateResponses: boolean;
  /** Which surface it serves: in `documented`, extension operations do not exist and extension query parameters are ignored. */
  profile: MockProfile;
  /** The OpenAPI document of the operations it serves (made once). */
  openapi(): unknown;
  reset(seed?: SeedName): void;
  /** By idempotency key id (idempotency.ts). */
  inflight: Map<string, InFlightCreate>;
  registry: Registry;
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
