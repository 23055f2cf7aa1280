import { z } from 'zod';
import { Id, ListQuery, Timestamp, page } from './common';

export const ExecutionMode = z.enum(['invocation', 'persistent']);
export type ExecutionMode = z.infer<typeof ExecutionMode>;

/** Service lifecycle: draft until the first publish (seed 000), archived when retired. */
export const ServiceStatus = z.enum(['draft', 'active', 'archived']);
export type ServiceStatus = z.infer<typeof ServiceStatus>;

/** Persistent deployment states (seed 000), shown on the service when it has been deployed. */
export const DeploymentState = z.enum(['building', 'built', 'deploying', 'active', 'failed', 'draining']);
export type DeploymentState = z.infer<typeof DeploymentState>;

export const BindingRole = z.enum(['read_only', 'read_write']);
export const BINDING_NAME = /^[a-z][a-z0-9_]*$/;
export const ConnectorBinding = z.strictObject({
  connector_instance_id: Id,
  role: BindingRole,
});
export const ConnectorBindings = z.record(
  z.string().regex(BINDING_NAME, { error: 'Binding names start with a letter and use a-z, 0-9 and _' }),
  ConnectorBinding,
);

/** `^[a-z0-9]+(-[a-z0-9]+)*$`, 3–63 characters (CONTRACT §2). */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const Slug = z
  .string()
  .min(3, { error: 'Slug must be at least 3 characters' })
  .max(63, { error: 'Slug must be at most 63 characters' })
  .regex(SLUG, { error: 'Use lowercase letters, digits and single hyphens, e.g. document-processor' });

/** Suggest a slug from a human name: "Document Processor" → "document-processor". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/g, '');
}

const SYSTEM_PACKAGE = /^[a-z0-9][a-z0-9.+-]*$/;

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

export const persistentFields = {
  min_replicas: z.number({ error: 'Enter a whole number' }).int({ error: 'Enter a whole number' }).min(0, { error: 'At least 0' }).max(100, { error: 'At most 100' }),
  max_replicas: z.number({ error: 'Enter a whole number' }).int({ error: 'Enter a whole number' }).min(1, { error: 'At least 1' }).max(100, { error: 'At most 100' }),
  concurrency_per_replica: z.number({ error: 'Enter a whole number' }).int({ error: 'Enter a whole number' }).min(1, { error: 'At least 1' }).max(1000, { error: 'At most 1000' }),
  scale_threshold: z.number({ error: 'Enter a number' }).gt(0, { error: 'Must be greater than 0' }).max(100, { error: 'At most 100' }).nullable(),
  startup_timeout_seconds: z.number({ error: 'Enter a whole number of seconds' }).int({ error: 'Enter a whole number of seconds' }).min(1, { error: 'At least 1 second' }).max(3600, { error: 'At most 3600 seconds' }).nullable(),
  base_image: z.string().trim().min(1).max(255, { error: 'At most 255 characters' }).regex(/^[^\s]+$/, { error: 'An image reference has no spaces' }).nullable(),
  system_packages: z
    .array(z.string().regex(SYSTEM_PACKAGE, { error: 'Package names use a-z, 0-9, . + and -' }))
    .max(50, { error: 'At most 50 packages' })
    .refine((xs) => new Set(xs).size === xs.length, { error: 'Each package once' }),
};

const serviceFields = {
  name: z.string().trim().min(1, { error: 'Name is required' }).max(100, { error: 'Name must be at most 100 characters' }),
  slug: Slug,
  execution_mode: ExecutionMode,
  ring_id: Id.nullable(),
  description: z.string().max(1000, { error: 'Description must be at most 1000 characters' }).nullable(),
  environment_id: Id.nullable(),
  connector_bindings: ConnectorBindings,
  ...persistentFields,
};

type CrossFieldInput = {
  execution_mode?: ExecutionMode;
  ring_id?: string | null;
  min_replicas?: number;
  max_replicas?: number;
};

/** Rules that span fields (CONTRACT §2), shared by create, update and the forms. */
export function crossFieldIssues(s: CrossFieldInput): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if ((s.execution_mode ?? 'invocation') === 'invocation' && !s.ring_id) {
    issues.push({ path: 'ring_id', message: 'A ring is required for invocation mode' });
  }
  if (s.min_replicas !== undefined && s.max_replicas !== undefined && s.min_replicas > s.max_replicas) {
    issues.push({ path: 'max_replicas', message: 'Max replicas must be at least min replicas' });
  }
  return issues;
}

export const ServiceCreate = z
  .strictObject({
    name: serviceFields.name,
    slug: serviceFields.slug,
    execution_mode: serviceFields.execution_mode.default('invocation'),
    ring_id: serviceFields.ring_id.optional(),
    description: serviceFields.description.optional(),
    environment_id: serviceFields.environment_id.optional(),
    connector_bindings: serviceFields.connector_bindings.default({}),
    min_replicas: serviceFields.min_replicas.default(PERSISTENT_DEFAULTS.min_replicas),
    max_replicas: serviceFields.max_replicas.default(PERSISTENT_DEFAULTS.max_replicas),
    concurrency_per_replica: serviceFields.concurrency_per_replica.default(PERSISTENT_DEFAULTS.concurrency_per_replica),
    scale_threshold: serviceFields.scale_threshold.default(null),
    startup_timeout_seconds: serviceFields.startup_timeout_seconds.default(null),
    base_image: serviceFields.base_image.default(null),
    system_packages: serviceFields.system_packages.default([]),
  })
  .superRefine((s, ctx) => {
    for (const issue of crossFieldIssues(s)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  });
export type ServiceCreateInput = z.input<typeof ServiceCreate>;
export type ServiceCreate = z.output<typeof ServiceCreate>;

/**
 * A partial update. `slug` may be sent but must not change (checked by the
 * server against the stored slug); cross-field rules are checked on the
 * merged result.
 */
export const ServiceUpdate = z.strictObject({
  name: serviceFields.name.optional(),
  slug: serviceFields.slug.optional(),
  execution_mode: serviceFields.execution_mode.optional(),
  ring_id: serviceFields.ring_id.optional(),
  description: serviceFields.description.optional(),
  environment_id: serviceFields.environment_id.optional(),
  connector_bindings: serviceFields.connector_bindings.optional(),
  min_replicas: serviceFields.min_replicas.optional(),
  max_replicas: serviceFields.max_replicas.optional(),
  concurrency_per_replica: serviceFields.concurrency_per_replica.optional(),
  scale_threshold: serviceFields.scale_threshold.optional(),
  startup_timeout_seconds: serviceFields.startup_timeout_seconds.optional(),
  base_image: serviceFields.base_image.optional(),
  system_packages: serviceFields.system_packages.optional(),
});
export type ServiceUpdate = z.infer<typeof ServiceUpdate>;

export const HostedService = z.object({
  id: Id,
  org_id: Id,
  workspace_id: Id,
  name: z.string(),
  slug: z.string(),
  description: z.string().nullable(),
  execution_mode: ExecutionMode,
  status: ServiceStatus,
  ring_id: Id.nullable(),
  environment_id: Id.nullable(),
  connector_bindings: z.record(z.string(), z.object({ connector_instance_id: Id, role: BindingRole })),
  min_replicas: z.number().int(),
  max_replicas: z.number().int(),
  concurrency_per_replica: z.number().int(),
  scale_threshold: z.number().nullable(),
  startup_timeout_seconds: z.number().int().nullable(),
  base_image: z.string().nullable(),
  system_packages: z.array(z.string()),
  /** The version serving most traffic, if any has been published. */
  active_version_id: Id.nullable(),
  active_version: z.number().int().nullable(),
  /** The version being edited, if any. */
  draft_version_id: Id.nullable(),
  draft_version: z.number().int().nullable(),
  deployment_state: DeploymentState.nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type HostedService = z.infer<typeof HostedService>;

export const SERVICE_SORT_FIELDS = ['created_at', 'updated_at', 'name', 'slug', 'status'] as const;
export const ServiceSort = z.enum(SERVICE_SORT_FIELDS);

/** List query (seed 001) plus `execution_mode` **[decision]**. */
export const ServiceListQuery = ListQuery.extend({
  sort: ServiceSort.default('created_at'),
  status: ServiceStatus.optional(),
  execution_mode: ExecutionMode.optional(),
});
export type ServiceListQuery = z.output<typeof ServiceListQuery>;

export const ServicePage = page(HostedService);
