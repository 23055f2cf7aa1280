import * as z from 'zod/mini';
import { Description, Id, listQuery, Name, ownOrderListQuery } from './common';
import { ConnectorOperation, readConnectorOperation } from './connector-operations';
import { lenient, strict, withPage, type Mode, type Reading } from './reading';

export const ConnectorFieldType = z.enum(['string', 'integer', 'boolean']);
export const ConnectorCategory = z.enum(['database', 'storage', 'http']);

export const ConfigValue = z.union([z.string(), z.number(), z.boolean()]);
export const ConnectorConfig = z.record(z.string(), ConfigValue);

/**
 * A configuration field of a connector type; secret fields are write-only
 * (CONTRACT §6). Seed 001 lists the connector paths but no shapes: these are
 * our decisions, so a field of an unknown type reads as it came.
 */
const connectorField = <M extends Mode>(r: Reading<M>) =>
  z.object({
    name: z.string(),
    label: z.string(),
    type: r.openEnum(ConnectorFieldType),
    required: r.decided(z.boolean(), false),
    secret: z.boolean(),
    description: r.decided(z.nullable(z.string()), null),
    default: r.decided(z.nullable(ConfigValue), null),
  });
export const ConnectorField = connectorField(strict);
export type ConnectorField = z.infer<typeof ConnectorField>;
export type ConnectorFieldRead = z.output<ReturnType<typeof connectorField<'lenient'>>>;

const operationReading = <M extends Mode>(r: Reading<M>) =>
  (r.mode === 'strict' ? ConnectorOperation : readConnectorOperation) as M extends 'strict'
    ? typeof ConnectorOperation
    : typeof readConnectorOperation;

/** A connector type of the catalog (`GET …/connectors`), e.g. PostgreSQL, S3, an HTTP API. */
const connectorType = <M extends Mode>(r: Reading<M>) =>
  z.object({
    id: z.string(),
    name: z.string(),
    category: r.openEnum(ConnectorCategory),
    description: r.decided(z.string(), null),
    fields: z.array(connectorField(r)),
    /** What an instance of the type can run (CONTRACT §14): each with its params' JSON Schema. */
    operations: r.decided(z.array(operationReading(r)), []),
  });
export const [ConnectorType, ConnectorTypePage] = withPage(connectorType, strict);
export const [readConnectorType, readConnectorTypePage] = withPage(connectorType, lenient);
export type ConnectorType = z.infer<typeof ConnectorType>;
export type ConnectorTypeRead = z.output<typeof readConnectorType>;

/** `GET …/connectors`: the catalog in the platform's order unless `sort` names another; `search` covers id, name and description. */
export const ConnectorTypeListQuery = ownOrderListQuery(['name', 'category']);

const connectionTest = <M extends Mode>(r: Reading<M>) =>
  z.object({
    ok: z.boolean(),
    message: z.string(),
    latency_ms: r.decided(z.nullable(z.number()), null),
    tested_at: r.timestamp,
  });
export const [ConnectionTest, readConnectionTest] = [connectionTest(strict), connectionTest(lenient)];
export type ConnectionTest = z.infer<typeof ConnectionTest>;
export type ConnectionTestRead = z.output<typeof readConnectionTest>;

/** An instance: non-secret configuration is returned; secrets only as "set". */
const connectorInstance = <M extends Mode>(r: Reading<M>) =>
  z.object({
    id: Id,
    connector_id: r.decided(z.string(), null),
    name: z.string(),
    description: r.decided(z.nullable(z.string()), null),
    config: r.decided(ConnectorConfig, {}),
    secrets_set: r.decided(z.array(z.string()), []),
    last_test: r.decided(z.nullable(connectionTest(r)), null),
    created_at: r.decided(r.timestamp, null),
    updated_at: r.decided(r.timestamp, null),
  });
export const [ConnectorInstance, ConnectorInstancePage] = withPage(connectorInstance, strict);
export const [readConnectorInstance, readConnectorInstancePage] = withPage(connectorInstance, lenient);
export type ConnectorInstance = z.infer<typeof ConnectorInstance>;
export type ConnectorInstanceRead = z.output<typeof readConnectorInstance>;

export const INSTANCE_SORT_FIELDS = ['created_at', 'updated_at', 'name'] as const;
/** `GET …/connectors/{id}/instances`: newest first unless `sort` says; `search` covers name and description. Instances have no status. */
export const InstanceListQuery = listQuery(INSTANCE_SORT_FIELDS);

const instanceFields = {
  name: Name(100),
  description: z.nullable(Description(500)),
  /** Checked against the type's fields by the platform (required, type). */
  config: ConnectorConfig,
};

export const InstanceCreate = z.strictObject({
  name: instanceFields.name,
  description: z.optional(instanceFields.description),
  config: instanceFields.config,
});
export type InstanceCreate = z.input<typeof InstanceCreate>;

/** A partial update: config keys merge; a secret left out keeps its value. */
export const InstanceUpdate = z.partial(z.strictObject(instanceFields));
export type InstanceUpdate = z.infer<typeof InstanceUpdate>;

/**
 * Check a config against a type's fields; shared by the console's generated
 * forms and the platform. Returns issues keyed by field name.
 */
export function configIssues(
  fields: readonly ConnectorFieldRead[],
  config: Record<string, unknown>,
  partial = false,
): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  const known = new Set(fields.map((f) => f.name));
  for (const key of Object.keys(config)) if (!known.has(key)) issues.push({ field: key, message: `Unknown field ${key}` });
  for (const f of fields) {
    const v = config[f.name];
    if (v === undefined || v === '') {
      if (f.required && !partial) issues.push({ field: f.name, message: `${f.label} is required` });
      continue;
    }
    if (f.type === 'integer' && !(typeof v === 'number' && Number.isInteger(v)))
      issues.push({ field: f.name, message: `${f.label} must be a whole number` });
    if (f.type === 'boolean' && typeof v !== 'boolean') issues.push({ field: f.name, message: `${f.label} must be true or false` });
    if (f.type === 'string' && typeof v !== 'string') issues.push({ field: f.name, message: `${f.label} must be text` });
  }
  return issues;
}
