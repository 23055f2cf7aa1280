import { z } from 'zod';
import { Id, ListQuery, Timestamp, page } from './common';
import { JsonSchema } from './json-schema';

/** Version lifecycle (seed 000): draft → active → draining → archived. */
export const VersionStatus = z.enum(['draft', 'active', 'draining', 'archived']);
export type VersionStatus = z.infer<typeof VersionStatus>;

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export const HttpMethod = z.enum(HTTP_METHODS, { error: `Method must be one of ${HTTP_METHODS.join(', ')}` });
export type HttpMethod = z.infer<typeof HttpMethod>;

/** `/documents/{document_id}/summary`: starts with a slash; parameters in braces. */
export const ENDPOINT_PATH = /^\/([A-Za-z0-9._~-]+|\{[a-z_][a-z0-9_]*\})?(\/([A-Za-z0-9._~-]+|\{[a-z_][a-z0-9_]*\}))*$/;
export const EndpointPath = z
  .string()
  .min(1, { error: 'Path is required' })
  .max(200, { error: 'Path must be at most 200 characters' })
  .regex(ENDPOINT_PATH, { error: 'A path starts with / and uses letters, digits, - . _ ~ and {parameters}, e.g. /documents/{document_id}' });

const endpointFields = {
  method: HttpMethod,
  path: EndpointPath,
  summary: z.string().trim().min(1, { error: 'Summary is required' }).max(200, { error: 'Summary must be at most 200 characters' }),
  description: z.string().max(2000).nullable(),
  request_schema: JsonSchema,
  response_schema: JsonSchema,
};

/** An endpoint as first-class data (CONTRACT §3); `path` is unique per method in a version. */
export const Endpoint = z.object({
  id: Id,
  version_id: Id,
  method: HttpMethod,
  path: z.string(),
  summary: z.string(),
  description: z.string().nullable(),
  request_schema: z.record(z.string(), z.unknown()),
  response_schema: z.record(z.string(), z.unknown()),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type Endpoint = z.infer<typeof Endpoint>;

export const EndpointCreate = z.strictObject({
  method: endpointFields.method,
  path: endpointFields.path,
  summary: endpointFields.summary,
  description: endpointFields.description.optional(),
  request_schema: endpointFields.request_schema.default({ type: 'object', properties: {} }),
  response_schema: endpointFields.response_schema.default({ type: 'object', properties: {} }),
});
export type EndpointCreateInput = z.input<typeof EndpointCreate>;

export const EndpointUpdate = z.strictObject({
  method: endpointFields.method.optional(),
  path: endpointFields.path.optional(),
  summary: endpointFields.summary.optional(),
  description: endpointFields.description.optional(),
  request_schema: endpointFields.request_schema.optional(),
  response_schema: endpointFields.response_schema.optional(),
});
export type EndpointUpdate = z.infer<typeof EndpointUpdate>;

/** An endpoint frozen into a published version (CONTRACT §3). */
export const EndpointSnapshot = z.object({
  method: z.string(),
  path: z.string(),
  summary: z.string(),
  description: z.string().nullable().optional(),
  request_schema: z.record(z.string(), z.unknown()),
  response_schema: z.record(z.string(), z.unknown()),
});
export type EndpointSnapshot = z.infer<typeof EndpointSnapshot>;

/** One tool per endpoint, for agent discovery (seed 000 "skill_snapshot"). */
export const SkillTool = z.object({
  name: z.string(),
  description: z.string(),
  method: z.string(),
  path: z.string(),
  input_schema: z.record(z.string(), z.unknown()),
});
export const SkillSnapshot = z.object({ tools: z.array(SkillTool) });
export type SkillSnapshot = z.infer<typeof SkillSnapshot>;

/** A hosted-service version (CONTRACT §3). */
export const ServiceVersion = z.object({
  id: Id,
  service_id: Id,
  version: z.number().int().min(1),
  status: VersionStatus,
  traffic_percent: z.number().int().min(0).max(100),
  endpoint_snapshot: z.array(EndpointSnapshot).nullable(),
  skill_snapshot: z.looseObject({ tools: z.array(SkillTool).optional() }).nullable(),
  created_at: Timestamp,
  published_at: Timestamp.nullable(),
});
export type ServiceVersion = z.infer<typeof ServiceVersion>;

/** `POST …/versions/{id}/publish` and `POST …/hosted-services/{id}/publish` (seed 000). */
export const PublishRequest = z.strictObject({
  traffic_percent: z
    .number({ error: 'Traffic must be a whole number from 1 to 100' })
    .int({ error: 'Traffic must be a whole number from 1 to 100' })
    .min(1, { error: 'Traffic must be at least 1%' })
    .max(100, { error: 'Traffic must be at most 100%' })
    .default(100),
});
export type PublishRequest = z.input<typeof PublishRequest>;

/** The traffic extension **[decision]**: integers over the serving versions, summing to 100. */
export const TrafficAllocation = z.strictObject({
  version_id: Id,
  percent: z.number().int({ error: 'Percentages are whole numbers' }).min(0, { error: 'At least 0%' }).max(100, { error: 'At most 100%' }),
});
export const TrafficUpdate = z
  .strictObject({ allocations: z.array(TrafficAllocation).min(1, { error: 'List at least one version' }) })
  .superRefine((t, ctx) => {
    const sum = t.allocations.reduce((a, x) => a + x.percent, 0);
    if (sum !== 100) ctx.addIssue({ code: 'custom', path: ['allocations'], message: `Percentages must sum to 100 (they sum to ${sum})` });
    const ids = t.allocations.map((a) => a.version_id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['allocations'], message: 'Each version may appear once' });
  });
export type TrafficUpdate = z.infer<typeof TrafficUpdate>;

/** Which version `?version=N` names for the OpenAPI document and the stubs. */
export const VersionQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

/** `GET …/versions`: newest first, paginated like every list (seed 001). */
export const VersionListQuery = ListQuery.pick({ limit: true, offset: true }).extend({ status: VersionStatus.optional() });
export const VersionPage = page(ServiceVersion);
export type VersionPage = z.infer<typeof VersionPage>;

/**
 * `GET …/endpoints` **[decision]**: the draft's endpoints by default (else the
 * active version's); `version_id` names another version. A version's endpoints
 * are few, so the default page is 100.
 */
export const EndpointListQuery = z.object({
  version_id: Id.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const EndpointPage = page(Endpoint);
export type EndpointPage = z.infer<typeof EndpointPage>;
