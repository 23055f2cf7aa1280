import { z } from 'zod';
import { Id, Timestamp } from './common';

/** Version lifecycle (seed 000): draft → active → draining → archived. */
export const VersionStatus = z.enum(['draft', 'active', 'draining', 'archived']);
export type VersionStatus = z.infer<typeof VersionStatus>;

/** An endpoint frozen into a published version (CONTRACT §3). */
export const EndpointSnapshot = z.object({
  method: z.string(),
  path: z.string(),
  summary: z.string(),
  request_schema: z.record(z.string(), z.unknown()),
  response_schema: z.record(z.string(), z.unknown()),
});
export type EndpointSnapshot = z.infer<typeof EndpointSnapshot>;

/** A hosted-service version (CONTRACT §3). */
export const ServiceVersion = z.object({
  id: Id,
  service_id: Id,
  version: z.number().int().min(1),
  status: VersionStatus,
  traffic_percent: z.number().int().min(0).max(100),
  endpoint_snapshot: z.array(EndpointSnapshot).nullable(),
  skill_snapshot: z.record(z.string(), z.unknown()).nullable(),
  created_at: Timestamp,
  published_at: Timestamp.nullable(),
});
export type ServiceVersion = z.infer<typeof ServiceVersion>;
