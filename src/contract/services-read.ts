/**
 * The services domain as the console reads it (CONTRACT §2): the service as the platform returns it, its
 * states and modes, and the list's sort fields — what the services list, the page most visits open first,
 * needs to read and draw its rows. Its writes (create, update, the list's query) are in `services.ts`,
 * which re-exports these: a domain's one contract, in two files so that the services list's first load
 * carries no form (`npm run size`).
 */
import * as z from 'zod/mini';
import { Id, SortField } from './common-read';
import type { Scope } from './paths';
import { lenient, strict, type Mode, type Reading } from './reading';

export const ExecutionMode = z.enum(['invocation', 'persistent']);
export type ExecutionMode = z.infer<typeof ExecutionMode>;

/** Service lifecycle: draft until the first publish (seed 000), archived when retired. */
export const ServiceStatus = z.enum(['draft', 'active', 'archived']);
export type ServiceStatus = z.infer<typeof ServiceStatus>;

/** Persistent deployment states (seed 000), shown on the service when it has been deployed. */
export const DeploymentState = z.enum(['building', 'built', 'deploying', 'active', 'failed', 'draining']);
export type DeploymentState = z.infer<typeof DeploymentState>;

export const BindingRole = z.enum(['read_only', 'read_write']);
/** Persistent-mode settings with their documented defaults (seed 000). */
export const PERSISTENT_DEFAULTS = {
  min_replicas: 0,
  max_replicas: 10,
  concurrency_per_replica: 80,
  scale_threshold: null,
  startup_timeout_seconds: null,
  base_image: null,
  system_packages: [] as string[],
} as const;
/**
 * A hosted service as the platform returns it. Seed 000 documents the create
 * payload (name, slug, mode, ring, description, environment, the persistent
 * settings with their defaults, bindings) and that a new service is `draft`;
 * which versions serve and the deployment state are our decisions.
 */
const hostedService = <M extends Mode>(r: Reading<M>) =>
  z.object({
    id: Id,
    /** Where it lives **[decision]**: the path it was read from says it too (the data layer fills them from there). */
    org_id: r.decided(Id, null),
    workspace_id: r.decided(Id, null),
    name: z.string(),
    slug: z.string(),
    description: r.decided(z.nullable(z.string()), null),
    execution_mode: ExecutionMode,
    status: r.openEnum(ServiceStatus),
    ring_id: r.decided(z.nullable(Id), null),
    environment_id: r.decided(z.nullable(Id), null),
    connector_bindings: r.decided(z.record(z.string(), z.object({ connector_instance_id: Id, role: r.openEnum(BindingRole) })), {}),
    min_replicas: r.decided(z.int(), PERSISTENT_DEFAULTS.min_replicas),
    max_replicas: r.decided(z.int(), PERSISTENT_DEFAULTS.max_replicas),
    concurrency_per_replica: r.decided(z.int(), PERSISTENT_DEFAULTS.concurrency_per_replica),
    scale_threshold: r.decided(z.nullable(z.number()), PERSISTENT_DEFAULTS.scale_threshold),
    startup_timeout_seconds: r.decided(z.nullable(z.int()), PERSISTENT_DEFAULTS.startup_timeout_seconds),
    base_image: r.decided(z.nullable(z.string()), PERSISTENT_DEFAULTS.base_image),
    system_packages: r.decided(z.array(z.string()), PERSISTENT_DEFAULTS.system_packages),
    /** The version serving most traffic, if any has been published. */
    active_version_id: r.decided(z.nullable(Id), null),
    active_version: r.decided(z.nullable(z.int()), null),
    /** The version being edited, if any. */
    draft_version_id: r.decided(z.nullable(Id), null),
    draft_version: r.decided(z.nullable(z.int()), null),
    deployment_state: r.decided(z.nullable(r.openEnum(DeploymentState)), null),
    /** **[decision]** Unknown where the platform does not say (shown as —). */
    created_at: r.decided(r.timestamp, null),
    updated_at: r.decided(r.timestamp, null),
  });
export const HostedService = /* @__PURE__ */ hostedService(strict);
export const readHostedService = /* @__PURE__ */ hostedService(lenient);
export type HostedService = z.infer<typeof HostedService>;
export type HostedServiceRead = z.output<typeof readHostedService>;

/** A service read from a workspace's path: where it lives is known from there when the platform does not say. */
export type ServiceInScope = HostedServiceRead & { org_id: string; workspace_id: string };
export const inScope = <S extends HostedServiceRead>(service: S, scope: Scope): S & { org_id: string; workspace_id: string } => ({
  ...service,
  org_id: service.org_id ?? scope.orgId,
  workspace_id: service.workspace_id ?? scope.workspaceId,
});

export const SERVICE_SORT_FIELDS = ['created_at', 'updated_at', 'name', 'slug', 'status'] as const;
export const ServiceSort = SortField(SERVICE_SORT_FIELDS);

export const ServicePage = /* @__PURE__ */ strict.page(HostedService);
export const readServicePage = /* @__PURE__ */ lenient.page(readHostedService);
