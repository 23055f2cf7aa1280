import * as z from 'zod/mini';
import { Description, Id, ListQuery, Name } from './common';
import { BindingRole, ExecutionMode, PERSISTENT_DEFAULTS, ServiceSort, ServiceStatus } from './services-read';

// What the console reads of a service (and the services list's first load needs) is in services-read.ts.
export {
  BindingRole,
  DeploymentState,
  ExecutionMode,
  HostedService,
  inScope,
  PERSISTENT_DEFAULTS,
  readHostedService,
  ServicePage,
  readServicePage,
  ServiceStatus,
} from './services-read';
export type { HostedServiceRead, ServiceInScope } from './services-read';

export const BINDING_NAME = /^[a-z][a-z0-9_]*$/;
export const ConnectorBinding = z.strictObject({
  connector_instance_id: Id,
  role: BindingRole,
});
export const ConnectorBindings = z.record(
  z.string().check(z.regex(BINDING_NAME, { error: 'Binding names start with a letter and use a-z, 0-9 and _' })),
  ConnectorBinding,
);

/** `^[a-z0-9]+(-[a-z0-9]+)*$`, 3–63 characters (CONTRACT §2). */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const Slug = z
  .string()
  .check(
    z.minLength(3, { error: 'Slug must be at least 3 characters' }),
    z.maxLength(63, { error: 'Slug must be at most 63 characters' }),
    z.regex(SLUG, { error: 'Use lowercase letters, digits and single hyphens, e.g. document-processor' }),
  );

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

/** Their names, in the order the forms show them. */
export const PERSISTENT_SETTINGS = Object.keys(PERSISTENT_DEFAULTS) as (keyof typeof PERSISTENT_DEFAULTS)[];

const wholeNumber = (min: number, max: number, minMessage: string, maxMessage: string, error = 'Enter a whole number') =>
  z.int({ error }).check(z.minimum(min, { error: minMessage }), z.maximum(max, { error: maxMessage }));

export const persistentFields = {
  min_replicas: wholeNumber(0, 100, 'At least 0', 'At most 100'),
  max_replicas: wholeNumber(1, 100, 'At least 1', 'At most 100'),
  concurrency_per_replica: wholeNumber(1, 1000, 'At least 1', 'At most 1000'),
  scale_threshold: z.nullable(
    z.number({ error: 'Enter a number' }).check(z.gt(0, { error: 'Must be greater than 0' }), z.maximum(100, { error: 'At most 100' })),
  ),
  startup_timeout_seconds: z.nullable(wholeNumber(1, 3600, 'At least 1 second', 'At most 3600 seconds', 'Enter a whole number of seconds')),
  base_image: z.nullable(
    z
      .string()
      .check(
        z.trim(),
        z.minLength(1),
        z.maxLength(255, { error: 'At most 255 characters' }),
        z.regex(/^[^\s]+$/, { error: 'An image reference has no spaces' }),
      ),
  ),
  system_packages: z.array(z.string().check(z.regex(SYSTEM_PACKAGE, { error: 'Package names use a-z, 0-9, . + and -' }))).check(
    z.maxLength(50, { error: 'At most 50 packages' }),
    z.refine((xs) => new Set(xs).size === xs.length, { error: 'Each package once' }),
  ),
};

/** Every field a create or an update may send, without defaults (an update must not reset what it leaves out). */
const serviceFields = {
  name: Name(100),
  slug: Slug,
  execution_mode: ExecutionMode,
  ring_id: z.nullable(Id),
  description: z.nullable(Description(1000)),
  /** Seed 000: "Services can be scoped to a specific environment"; its ID is a UUID. */
  environment_id: z.nullable(z.uuid({ error: 'An environment ID is a UUID, such as 3f1c2a9e-5b7d-4c1e-9a2b-6d8e0f4a1c3b' })),
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
    execution_mode: z._default(serviceFields.execution_mode, 'invocation'),
    ring_id: z.optional(serviceFields.ring_id),
    description: z.optional(serviceFields.description),
    environment_id: z.optional(serviceFields.environment_id),
    connector_bindings: z._default(serviceFields.connector_bindings, {}),
    min_replicas: z._default(serviceFields.min_replicas, PERSISTENT_DEFAULTS.min_replicas),
    max_replicas: z._default(serviceFields.max_replicas, PERSISTENT_DEFAULTS.max_replicas),
    concurrency_per_replica: z._default(serviceFields.concurrency_per_replica, PERSISTENT_DEFAULTS.concurrency_per_replica),
    scale_threshold: z._default(serviceFields.scale_threshold, null),
    startup_timeout_seconds: z._default(serviceFields.startup_timeout_seconds, null),
    base_image: z._default(serviceFields.base_image, null),
    system_packages: z._default(serviceFields.system_packages, () => []),
  })
  .check(
    z.superRefine((s, ctx) => {
      for (const issue of crossFieldIssues(s)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    }),
  );
export type ServiceCreateInput = z.input<typeof ServiceCreate>;
export type ServiceCreate = z.output<typeof ServiceCreate>;

/**
 * A partial update. `slug` may be sent but must not change (checked by the
 * server against the stored slug); cross-field rules are checked on the
 * merged result.
 */
export const ServiceUpdate = z.partial(z.strictObject(serviceFields));
export type ServiceUpdate = z.infer<typeof ServiceUpdate>;

/** List query (seed 001) plus `execution_mode` **[decision: extension]**. */
export const ServiceListQuery = z.extend(ListQuery, {
  sort: z._default(ServiceSort, 'created_at'),
  status: z.optional(ServiceStatus),
  execution_mode: z.optional(ExecutionMode),
});
export type ServiceListQuery = z.output<typeof ServiceListQuery>;
