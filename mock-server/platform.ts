/**
 * The mock platform, composed: the one place that lists the domains. Tests
 * (`createMockPlatform()` in-process, `app.request(...)`), main.ts and
 * scripts/bench.ts start it from here; core (core/app.ts) assembles it and
 * knows no domain.
 *
 * A domain is a folder, `mock-server/<domain>/`, whose `domain.ts` exports
 * what it adds as one object (`defineDomain`, core/domain.ts): its sub-apps,
 * collections, store queries, seed, settings, scope resolvers, auth hooks and
 * OpenAPI parts. What it adds to core's types it declares in the same file by
 * module augmentation: its collections and queries (`Collections`,
 * `StoreQueries` in core/store.ts), its settings and path parameters
 * (`Settings`, `ScopeParams` in core/context.ts). Core's types are extended
 * that way, rather than collected here into a typed registry, so that a
 * handler anywhere sees `store.jobs` and `c.var.service` typed without
 * importing upwards (which would make every domain import the root, a cycle);
 * the checks below make sure nothing is declared that the root does not register.
 * Nor can they be derived here from `typeof DOMAINS`: each domain's object is
 * typed by them (its specs' record types, its queries' and finders' `store`),
 * so every domain's type would depend on itself (TS7022).
 *
 * Adding a domain, e.g. `users`:
 * 1. `mock-server/users/records.ts`: its record types.
 * 2. `mock-server/users/routes.ts`: `export const usersApi = domainApi(['users'], [get(…), post(…)])` (core/operations.ts);
 *    the rules in `rules.ts`, the demo records in `seed.ts`, its tests in `users.test.ts`.
 * 3. `mock-server/users/domain.ts`: `declare module '../core/store' { interface Collections { users: Collection<UserRecord> } }`
 *    (and `Settings`, `ScopeParams`, `StoreQueries` if it has any), then
 *    `export const usersDomain = defineDomain({ name: 'users', apis: [usersApi], collections: { users: byId('users') }, seed, settings, scope, openapi: { schemas: [users] } })`
 *    (core/store.ts `byId`, `ownedBy` make a collection's spec; core/domain.ts `belongsTo` finds a record of what the path resolved before it).
 * 4. Here: one line in `DOMAINS`. Its tables are created on the next start, its
 *    operations are served and documented in /api/v1/openapi.json, and its
 *    settings become options (`createMockPlatform({ … })`; main.ts maps
 *    environment variables to them).
 *
 * The order of `DOMAINS` is the order of the sub-apps (a path two domains
 * match goes to the first: jobs before the gateway) and of the seeds (a seed
 * reads what the domains before it seeded: organizations before rings,
 * services before deployments, deployments and credentials before activity).
 */
import { activityDomain } from './activity/domain';
import { agentsDomain } from './agents/domain';
import { apiKeysDomain } from './api-keys/domain';
import { authDomain } from './auth/domain';
import { connectorOperationsDomain } from './connector-operations/domain';
import { connectorsDomain } from './connectors/domain';
import { composePlatform, type MockPlatform, type MockPlatformOptions } from './core/app';
import type { Collections, StoreQueries } from './core/store';
import type { ScopeParams, Settings } from './core/context';
import { checkExtensionRegistry } from './core/extensions';
import { platformDomain } from './core/meta';
import { credentialsDomain } from './credentials/domain';
import { deploymentsDomain } from './deployments/domain';
import { gatewayDomain } from './gateway/domain';
import { jobsDomain } from './jobs/domain';
import { metricsDomain } from './metrics/domain';
import { organizationsDomain } from './organizations/domain';
import { requestsDomain } from './requests/domain';
import { ringsDomain } from './rings/domain';
import { rolloutsDomain } from './rollouts/domain';
import { servicesDomain } from './services/domain';
import { ssoDomain } from './sso/domain';
import { stubsDomain } from './stubs/domain';
import { tokensDomain } from './tokens/domain';
import { trafficDomain } from './traffic/domain';
import { usersDomain } from './users/domain';
import { versionsDomain } from './versions/domain';

export type { MockPlatform, MockPlatformOptions } from './core/app';
export type { MockProfile } from './core/context';

/** The domains of the mock, in the order their sub-apps are mounted and their seeds run. */
const DOMAINS = [
  authDomain,
  organizationsDomain,
  // After auth (its users) and organizations (who owns an invitation); single sign-on reads the users domain's console URL.
  usersDomain,
  ssoDomain,
  apiKeysDomain,
  ringsDomain,
  servicesDomain,
  versionsDomain,
  trafficDomain,
  stubsDomain,
  deploymentsDomain,
  credentialsDomain,
  connectorsDomain,
  connectorOperationsDomain,
  tokensDomain,
  // Before the gateway: `POST …/services/{id}/async/…` is a job submit.
  jobsDomain,
  activityDomain,
  gatewayDomain,
  agentsDomain,
  // The gateway's calls (recorded by middleware the gateway and jobs mount), then their aggregates, which listen to the log.
  requestsDomain,
  metricsDomain,
  // Reads the request log (its canaries' records) and moves the traffic with the traffic domain's rule.
  rolloutsDomain,
] as const;

/**
 * The version of the state this mock reads and writes (core/persistence.ts): a
 * database written with another is refused, never migrated, and says how to
 * start fresh (`npm run mock -- --reset`). Add one when a domain's record
 * changes shape (a field renamed, retyped or given another meaning); a new
 * domain, a new collection or a new optional field needs none.
 * 2: the first without migrations (no JSON state import, no unsalted digests).
 */
export const STATE_VERSION = 2;

// Every operation the contract's extension registry names is one the domains above serve (a typo fails every start and test).
checkExtensionRegistry([...DOMAINS, platformDomain].flatMap((d) => d.apis?.flatMap((api) => api.operations) ?? []));

export function createMockPlatform(options: MockPlatformOptions = {}): MockPlatform {
  return composePlatform(DOMAINS, STATE_VERSION, options);
}

// ---- compile-time: everything a domain declares (module augmentation) is registered by a domain listed above ----

type Listed = (typeof DOMAINS)[number] | typeof platformDomain;
type Provided<K extends 'collections' | 'settings' | 'scope'> = Listed extends infer D
  ? D extends { [P in K]: infer V }
    ? keyof V
    : never
  : never;
type Queried = Listed extends infer D ? (D extends { queries: (...args: never[]) => infer R } ? keyof R : never) : never;
type Unregistered =
  | Exclude<keyof Collections, Provided<'collections'>>
  | Exclude<keyof Settings, Provided<'settings'>>
  | Exclude<keyof ScopeParams, Provided<'scope'>>
  | Exclude<keyof StoreQueries, Queried>;
/** A type error here names a collection, setting, path parameter or store query that a domain declares and no listed domain provides: list its domain. */
const everyDeclarationIsRegistered: [Unregistered] extends [never] ? true : `unregistered: ${Unregistered}` = true;
void everyDeclarationIsRegistered;
