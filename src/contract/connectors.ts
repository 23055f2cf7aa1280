import { z } from 'zod';
import { Id, Timestamp, page } from './common';

/** A configuration field of a connector type; secret fields are write-only (CONTRACT §6). */
export const ConnectorField = z.object({
  name: z.string(),
  label: z.string(),
  type: z.enum(['string', 'integer', 'boolean']),
  required: z.boolean(),
  secret: z.boolean(),
  description: z.string().nullable(),
  default: z.union([z.string(), z.number(), z.boolean()]).nullable(),
});
export type ConnectorField = z.infer<typeof ConnectorField>;

/** A connector type of the catalog (`GET …/connectors`), e.g. PostgreSQL, S3, an HTTP API. */
export const ConnectorType = z.object({
  id: z.string(),
  name: z.string(),
  category: z.enum(['database', 'storage', 'http']),
  description: z.string(),
  fields: z.array(ConnectorField),
  operations: z.array(z.object({ name: z.string(), description: z.string() })),
});
export type ConnectorType = z.infer<typeof ConnectorType>;

export const ConnectorTypePage = page(ConnectorType);

export const ConfigValue = z.union([z.string(), z.number(), z.boolean()]);
export const ConnectorConfig = z.record(z.string(), ConfigValue);

export const ConnectionTest = z.object({
  ok: z.boolean(),
  message: z.string(),
  latency_ms: z.number().nullable(),
  tested_at: Timestamp,
});
export type ConnectionTest = z.infer<typeof ConnectionTest>;

/** An instance: non-secret configuration is returned; secrets only as "set". */
export const ConnectorInstance = z.object({
  id: Id,
  connector_id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  config: ConnectorConfig,
  secrets_set: z.array(z.string()),
  last_test: ConnectionTest.nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type ConnectorInstance = z.infer<typeof ConnectorInstance>;

export const ConnectorInstancePage = page(ConnectorInstance);

export const InstanceCreate = z.strictObject({
  name: z.string().trim().min(1, { error: 'Name is required' }).max(100, { error: 'Name must be at most 100 characters' }),
  description: z.string().max(500).nullable().optional(),
  /** Checked against the type's fields by the platform (required, type). */
  config: ConnectorConfig,
});
export type InstanceCreate = z.input<typeof InstanceCreate>;

/** A partial update: config keys merge; a secret left out keeps its value. */
export const InstanceUpdate = z.strictObject({
  name: InstanceCreate.shape.name.optional(),
  description: InstanceCreate.shape.description,
  config: ConnectorConfig.optional(),
});
export type InstanceUpdate = z.infer<typeof InstanceUpdate>;

/**
 * Check a config against a type's fields; shared by the console's generated
 * forms and the platform. Returns issues keyed by field name.
 */
export function configIssues(fields: ConnectorField[], config: Record<string, unknown>, partial = false): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  const known = new Set(fields.map((f) => f.name));
  for (const key of Object.keys(config)) if (!known.has(key)) issues.push({ field: key, message: `Unknown field ${key}` });
  for (const f of fields) {
    const v = config[f.name];
    if (v === undefined || v === '') {
      if (f.required && !partial) issues.push({ field: f.name, message: `${f.label} is required` });
      continue;
    }
    if (f.type === 'integer' && !(typeof v === 'number' && Number.isInteger(v))) issues.push({ field: f.name, message: `${f.label} must be a whole number` });
    if (f.type === 'boolean' && typeof v !== 'boolean') issues.push({ field: f.name, message: `${f.label} must be true or false` });
    if (f.type === 'string' && typeof v !== 'string') issues.push({ field: f.name, message: `${f.label} must be text` });
  }
  return issues;
}
