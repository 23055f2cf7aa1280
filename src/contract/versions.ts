import * as z from 'zod/mini';
import { Description, Id, listQuery, RequiredText } from './common';
import { JsonSchema } from './json-schema';
import { lenient, strict, type Mode, type Reading } from './reading';

/** Version lifecycle (seed 000): draft → active → draining → archived. */
export const VersionStatus = z.enum(['draft', 'active', 'draining', 'archived']);
export type VersionStatus = z.infer<typeof VersionStatus>;

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export const HttpMethod = z.enum(HTTP_METHODS, { error: `Method must be one of ${HTTP_METHODS.join(', ')}` });
export type HttpMethod = z.infer<typeof HttpMethod>;

/** `/documents/{document_id}/summary`: starts with a slash; parameters in braces. */
export const ENDPOINT_PATH = /^\/([A-Za-z0-9._~-]+|\{[a-z_][a-z0-9_]*\})?(\/([A-Za-z0-9._~-]+|\{[a-z_][a-z0-9_]*\}))*$/;
export const EndpointPath = z.string().check(
  z.minLength(1, { error: 'Path is required' }),
  z.maxLength(200, { error: 'Path must be at most 200 characters' }),
  z.regex(ENDPOINT_PATH, {
    error: 'A path starts with / and uses letters, digits, - . _ ~ and {parameters}, e.g. /documents/{document_id}',
  }),
);

const endpointFields = {
  method: HttpMethod,
  path: EndpointPath,
  summary: RequiredText(200, 'Summary'),
  description: z.nullable(Description(2000)),
  request_schema: JsonSchema,
  response_schema: JsonSchema,
};

const JsonObject = z.record(z.string(), z.unknown());

/**
 * An endpoint as first-class data (CONTRACT §3); `path` is unique per method
 * in a version. Method, path, summary and the two schemas are what an endpoint
 * is at least **[decision]**: the method and the path name it (the gateway
 * routes by them), so a row without them cannot be read; the rest may be
 * missing on another platform.
 */
const endpoint = <M extends Mode>(r: Reading<M>) =>
  z.object({
    id: Id,
    version_id: r.decided(Id, null),
    method: HttpMethod,
    path: z.string(),
    // What an endpoint is beyond its method and path is our decision: the platform may leave it out.
    summary: r.decided(z.string(), null),
    description: r.decided(z.nullable(z.string()), null),
    /** `{}` where the platform gives none: the JSON Schema that takes any document. */
    request_schema: r.decided(JsonObject, {}),
    response_schema: r.decided(JsonObject, {}),
    created_at: r.decided(r.timestamp, null),
    updated_at: r.decided(r.timestamp, null),
  });
export const [Endpoint, readEndpoint] = [endpoint(strict), endpoint(lenient)];
export type Endpoint = z.infer<typeof Endpoint>;
export type EndpointRead = z.output<typeof readEndpoint>;

const emptyObjectSchema = (): JsonSchema => ({ type: 'object', properties: {} });

export const EndpointCreate = z.strictObject({
  method: endpointFields.method,
  path: endpointFields.path,
  summary: endpointFields.summary,
  description: z.optional(endpointFields.description),
  request_schema: z._default(endpointFields.request_schema, emptyObjectSchema),
  response_schema: z._default(endpointFields.response_schema, emptyObjectSchema),
});
export type EndpointCreateInput = z.input<typeof EndpointCreate>;

export const EndpointUpdate = z.partial(z.strictObject(endpointFields));
export type EndpointUpdate = z.infer<typeof EndpointUpdate>;

/** An endpoint frozen into a published version (CONTRACT §3). */
const endpointSnapshot = <M extends Mode>(r: Reading<M>) =>
  z.object({
    method: z.string(),
    path: z.string(),
    summary: r.decided(z.string(), null),
    description: z.optional(z.nullable(z.string())),
    request_schema: r.decided(JsonObject, {}),
    response_schema: r.decided(JsonObject, {}),
  });
export const EndpointSnapshot = endpointSnapshot(strict);
export type EndpointSnapshot = z.infer<typeof EndpointSnapshot>;
export type EndpointSnapshotRead = z.output<ReturnType<typeof endpointSnapshot<'lenient'>>>;

/** One tool per endpoint, for agent discovery (seed 000 "skill_snapshot"). */
export const SkillTool = z.object({
  name: z.string(),
  description: z.string(),
  method: z.string(),
  path: z.string(),
  input_schema: JsonObject,
});
export const SkillSnapshot = z.object({ tools: z.array(SkillTool) });
export type SkillSnapshot = z.infer<typeof SkillSnapshot>;

/**
 * A hosted-service version (CONTRACT §3). Seed 000 names `version`, `status`,
 * `endpoint_snapshot` and `skill_snapshot` (its shape is ours); which service a
 * version belongs to is known from the path it was read from.
 */
const serviceVersion = <M extends Mode>(r: Reading<M>) =>
  z.object({
    id: Id,
    service_id: r.decided(Id, null),
    version: z.int().check(z.minimum(1)),
    status: r.openEnum(VersionStatus),
    /** **[decision]** (seed 000 sends it to publish, not back): null where the platform does not say, and the split can be inferred only in part (`inferTraffic`). */
    traffic_percent: r.decided(z.int().check(z.minimum(0), z.maximum(100)), null),
    endpoint_snapshot: r.decided(z.nullable(z.array(endpointSnapshot(r))), null),
    skill_snapshot: r.decided(z.nullable(z.looseObject({ tools: z.optional(z.array(SkillTool)) })), null),
    created_at: r.decided(r.timestamp, null),
    published_at: r.decided(z.nullable(r.timestamp), null),
    /**
     * **[decision]** A version a publish left `draining` with 0% is archived
     * once drained, at this time (`versionAt` in traffic-rules.ts); null while
     * it still has traffic, and for the others.
     */
    drain_ends_at: r.extra(z.nullable(r.timestamp)),
  });
export const [ServiceVersion, readServiceVersion] = [serviceVersion(strict), serviceVersion(lenient)];
export type ServiceVersion = z.infer<typeof ServiceVersion>;
export type ServiceVersionRead = z.output<typeof readServiceVersion>;

/** `POST …/versions/{id}/publish` and `POST …/hosted-services/{id}/publish` (seed 000). */
export const PublishRequest = z.strictObject({
  traffic_percent: z._default(
    z
      .int({ error: 'Traffic must be a whole number from 1 to 100' })
      .check(z.minimum(1, { error: 'Traffic must be at least 1%' }), z.maximum(100, { error: 'Traffic must be at most 100%' })),
    100,
  ),
});
export type PublishRequest = z.input<typeof PublishRequest>;

/** The traffic extension **[decision]**: integers over the serving versions, summing to 100. */
export const TrafficAllocation = z.strictObject({
  version_id: Id,
  percent: z
    .number()
    .check(
      z.int({ error: 'Percentages are whole numbers' }),
      z.minimum(0, { error: 'At least 0%' }),
      z.maximum(100, { error: 'At most 100%' }),
    ),
});
export const TrafficUpdate = z
  .strictObject({ allocations: z.array(TrafficAllocation).check(z.minLength(1, { error: 'List at least one version' })) })
  .check(
    z.superRefine((t, ctx) => {
      const sum = t.allocations.reduce((a, x) => a + x.percent, 0);
      if (sum !== 100) ctx.addIssue({ code: 'custom', path: ['allocations'], message: `Percentages must sum to 100 (they sum to ${sum})` });
      const ids = t.allocations.map((a) => a.version_id);
      if (new Set(ids).size !== ids.length)
        ctx.addIssue({ code: 'custom', path: ['allocations'], message: 'Each version may appear once' });
    }),
  );
export type TrafficUpdate = z.infer<typeof TrafficUpdate>;

/** Which version `?version=N` names for the OpenAPI document and the stubs **[decision: extension]**. */
export const VersionQuery = z.object({ version: z.optional(z.coerce.number().check(z.int(), z.minimum(1))) });

/** What `GET …/versions` sorts by: when it was created (the default, newest first), its number, when published, its traffic, its status. */
export const VERSION_SORT_FIELDS = ['created_at', 'version', 'published_at', 'traffic_percent', 'status'] as const;

/**
 * `GET …/versions`: the common list parameters (seed 001, CONTRACT §14).
 * `search` finds a version by its number (`v3`) and by its endpoints' method,
 * path and summary (which version added `/refunds`?). `?status=` stays our
 * as the registry has it (`versionsByStatus`).
 */
export const VersionListQuery = z.extend(listQuery(VERSION_SORT_FIELDS), {
  status: z.optional(VersionStatus),
});
export const VersionPage = strict.page(ServiceVersion);
export type VersionPage = z.infer<typeof VersionPage>;
export const readVersionPage = lenient.page(readServiceVersion);

/** What `GET …/endpoints` sorts by: when created (the default, newest first) or changed, the path (then the method), the method. */
export const ENDPOINT_SORT_FIELDS = ['created_at', 'updated_at', 'path', 'method'] as const;

/**
 * `GET …/endpoints` **[decision]**: the draft's endpoints by default (else the
 * active version's); `version_id` names another version **[extension]**. A
 * page of 25 by default, like every list (CONTRACT §14); `search` covers the
 * path, the summary and the description.
 */
export const EndpointListQuery = z.extend(listQuery(ENDPOINT_SORT_FIELDS), {
  version_id: z.optional(Id),
});
export const EndpointPage = strict.page(Endpoint);
export type EndpointPage = z.infer<typeof EndpointPage>;
export const readEndpointPage = lenient.page(readEndpoint);
