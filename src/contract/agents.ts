import * as z from 'zod/mini';
import { listQuery } from './common';
import { lenient, strict, withPage, type Mode, type Reading } from './reading';

/**
 * Agent deployment service instances (seed 003, CONTRACT §9). The seed's own
 * base is `/v1`, not `/api/v1` (see `agentPaths`); its IDs are strings with a
 * prefix (`adsvc_1234abcd`), not UUIDs.
 */

/** Seed 003's lifecycle of an instance. */
export const AgentServiceStatus = z.enum(['starting', 'ready', 'unhealthy', 'stopping', 'stopped', 'failed']);
export type AgentServiceStatus = z.infer<typeof AgentServiceStatus>;

/** Statuses that change by themselves, without anyone asking: the console watches these. */
export const MOVING_AGENT_STATUSES: readonly AgentServiceStatus[] = ['starting', 'stopping'];
/** Statuses an instance can be stopped from **[decision]**. */
export const STOPPABLE_AGENT_STATUSES: readonly AgentServiceStatus[] = ['starting', 'ready', 'unhealthy'];

/** Environment variable names **[decision]**: what a POSIX shell accepts. */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const MAX_ENVS = 100;
export const MAX_ENV_VALUE = 32_768;

export const EnvName = z
  .string()
  .check(
    z.minLength(1, { error: 'Enter a name' }),
    z.maxLength(128, { error: 'A name has at most 128 characters' }),
    z.regex(ENV_NAME, { error: 'A name starts with a letter or _ and uses letters, digits and _' }),
  );
/** Seed 003: "P0 accepts string values only". */
export const EnvValue = z
  .string({ error: 'A value is a string (the platform accepts string values only)' })
  .check(z.maxLength(MAX_ENV_VALUE, { error: `A value has at most ${MAX_ENV_VALUE} characters` }));

/**
 * Write-only runtime environment values (seed 003): injected into the agent's
 * process, never returned, never stored in any record — not even as a digest
 * anyone could test a guess against.
 */
export const AgentEnvs = z
  .record(EnvName, EnvValue)
  .check(z.refine((envs) => Object.keys(envs).length <= MAX_ENVS, { error: `At most ${MAX_ENVS} environment values` }));

/** `POST /v1/agent-deployments/{deployment_id}/services` (seed 003): `version_id` null or absent means the deployment's current version **[decision]**. */
export const AgentServiceCreate = z.strictObject({
  version_id: z.optional(z.nullable(z.string().check(z.minLength(1, { error: 'Choose a version' }), z.maxLength(200)))),
  envs: z._default(AgentEnvs, () => ({})),
});
export type AgentServiceCreateInput = z.input<typeof AgentServiceCreate>;
export type AgentServiceCreate = z.output<typeof AgentServiceCreate>;

/**
 * A URL (`string<uri>`): checked with the platform's own `URL`, so the
 * console's first page does not carry zod's URL check for a page it never shows.
 */
const Url = z.string().check(z.refine((text) => URL.canParse(text), { error: 'expected a URL' }));
z.globalRegistry.add(Url, { format: 'uri' });

/**
 * An instance as seed 003 lists it, with its types: id, deployment_id,
 * version_id, status, port, created_at and updated_at are required; the rest
 * may be absent or null (read as null). `public_url` carries a bearer
 * credential (`edge_token`): do not log or persist it.
 */
const agentService = <M extends Mode>(r: Reading<M>) =>
  z.object({
    id: z.string(),
    deployment_id: z.string(),
    version_id: z.string(),
    status: r.openEnum(AgentServiceStatus),
    port: z.int().check(z.minimum(1), z.maximum(65_535)),
    created_at: r.timestamp,
    updated_at: r.timestamp,
    sandbox_id: r.decided(z.nullable(z.string()), null),
    process_id: r.decided(z.nullable(z.int().check(z.minimum(0), z.maximum(4_294_967_295))), null),
    public_url: r.decided(z.nullable(Url), null),
    /** "Key set varies by lifecycle phase; deliberately open." */
    readiness_status: r.decided(z.record(z.string(), z.unknown()), null),
    failure_reason: r.decided(z.nullable(z.string()), null),
    started_at: r.decided(z.nullable(r.timestamp), null),
    stopped_at: r.decided(z.nullable(r.timestamp), null),
    idempotency_key: r.decided(z.nullable(z.string()), null),
  });
export const [AgentService, readAgentService] = [agentService(strict), agentService(lenient)];
export type AgentService = z.infer<typeof AgentService>;
export type AgentServiceRead = z.output<typeof readAgentService>;

/** A version of an agent deployment **[decision, extension]**: the seed names `version_id` only. */
const agentVersion = <M extends Mode>(r: Reading<M>) =>
  z.object({
    id: z.string(),
    version: r.decided(z.nullable(z.int()), null),
    label: r.decided(z.nullable(z.string()), null),
    created_at: r.decided(z.nullable(r.timestamp), null),
  });
export const AgentVersion = agentVersion(strict);
export type AgentVersion = z.infer<typeof AgentVersion>;

const NO_VERSIONS: never[] = [];

/** An agent deployment **[decision, extension]**: what the console lists instances under. */
const agentDeployment = <M extends Mode>(r: Reading<M>) =>
  z.object({
    id: z.string(),
    name: z.string(),
    description: r.decided(z.nullable(z.string()), null),
    current_version_id: r.decided(z.nullable(z.string()), null),
    versions: r.decided(z.array(agentVersion(r)), NO_VERSIONS),
    created_at: r.decided(z.nullable(r.timestamp), null),
    updated_at: r.decided(z.nullable(r.timestamp), null),
  });
export const [AgentDeployment, AgentDeploymentPage] = withPage(agentDeployment, strict);
export const [readAgentDeployment, readAgentDeploymentPage] = withPage(agentDeployment, lenient);
export type AgentDeployment = z.infer<typeof AgentDeployment>;
export type AgentDeploymentRead = z.output<typeof readAgentDeployment>;
export const [AgentServicePage, readAgentServicePage] = [strict.page(AgentService), lenient.page(readAgentService)];

/** Listing the deployments (an extension): newest first unless `sort` says; `search` covers name and description. */
export const AgentDeploymentListQuery = listQuery(['created_at', 'updated_at', 'name']);

/** Listing a deployment's instances (the listing itself is an extension): newest first, optionally one status; `search` covers the id and the version. */
export const AgentServiceListQuery = z.extend(listQuery(['created_at', 'updated_at']), {
  status: z.optional(AgentServiceStatus),
});
