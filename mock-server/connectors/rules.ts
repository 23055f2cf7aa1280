/**
 * Connector instances (CONTRACT §6): configuration checked against the type's
 * fields by the contract's `configIssues()`, secrets kept apart and never
 * returned, a deterministic connectivity test, and who binds an instance.
 */
import { createHash } from 'node:crypto';
import type { ValidationIssue } from '../../src/contract/common';
import { configIssues, type ConnectionTest, type ConnectorInstance, type ConnectorType } from '../../src/contract/connectors';
import { conflict, issue, validationError } from '../core/errors';
import { matchesFingerprint, saltedFingerprint } from '../core/hashing';
import { nameList } from '../core/lists';
import type { ConnectorInstanceRecord, ConnectorValue as Value } from './records';
import type { ServiceRecord } from '../services/records';
import type { Store } from '../core/store';

/** The contract's view: secrets only by name, in `secrets_set`. */
export function toInstance(r: ConnectorInstanceRecord): ConnectorInstance {
  return {
    id: r.id,
    connector_id: r.connector_id,
    name: r.name,
    description: r.description,
    config: { ...r.config },
    secrets_set: Object.keys(r.secrets).sort(),
    last_test: r.last_test,
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
}

const blank = (v: unknown) => v === undefined || v === '';

/**
 * Check a create's config (or an update merged onto the stored one) and split
 * it into config and secrets, with the type's defaults filled in. On an update
 * a secret left out, or sent empty, keeps its stored value; a non-secret field
 * sent empty is cleared.
 */
export function checkConfig(
  type: ConnectorType,
  sent: Record<string, Value>,
  prior?: ConnectorInstanceRecord,
): { config: Record<string, Value>; secrets: Record<string, string> } {
  const merged: Record<string, Value> = prior ? { ...prior.config, ...prior.secrets } : {};
  for (const [k, v] of Object.entries(sent)) {
    const f = type.fields.find((x) => x.name === k);
    if (f?.secret && blank(v) && prior) continue;
    if (blank(v)) delete merged[k];
    else merged[k] = v;
  }
  for (const f of type.fields) if (blank(merged[f.name]) && f.default !== null) merged[f.name] = f.default;
  const issues: ValidationIssue[] = configIssues(type.fields, merged).map((i) =>
    issue(
      ['body', 'config', i.field],
      i.message,
      blank(merged[i.field]) ? 'missing' : i.message.startsWith('Unknown') ? 'extra_forbidden' : 'value_error',
    ),
  );
  if (issues.length) throw validationError(issues);
  const config: Record<string, Value> = {};
  const secrets: Record<string, string> = {};
  for (const f of type.fields) {
    const v = merged[f.name];
    if (blank(v)) continue;
    if (f.secret) secrets[f.name] = keptSecret(String(v), !blank(sent[f.name]), prior?.secrets[f.name]);
    else config[f.name] = v as Value;
  }
  return { config, secrets };
}

/**
 * What is kept of a secret field: its salted fingerprint. One sent again
 * unchanged keeps its fingerprint (so the instance's configuration has not
 * changed); one left out keeps the stored one.
 */
function keptSecret(value: string, sent: boolean, prior: string | undefined): string {
  if (prior !== undefined && (!sent || matchesFingerprint(prior, value))) return prior;
  return saltedFingerprint(value);
}

/** The services of the workspace whose bindings name the instance, by slug. */
export function bindersOf(store: Store, r: ConnectorInstanceRecord): ServiceRecord[] {
  return store.services
    .in('workspace', r.workspace_id)
    .filter((s) => Object.values(s.connector_bindings).some((b) => b.connector_instance_id === r.id))
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

/** Instance names are unique in the workspace, across connector types. */
export function assertUniqueInstanceName(store: Store, workspaceId: string, name: string, exceptId?: string): void {
  for (const i of store.connectorInstances.in('workspace', workspaceId)) {
    if (i.id !== exceptId && i.name.toLowerCase() === name.toLowerCase()) {
      throw conflict([
        { loc: ['body', 'name'], msg: `A connector instance named '${i.name}' already exists in this workspace`, type: 'conflict' },
      ]);
    }
  }
}

function hostOf(value: string): string {
  try {
    return new URL(value).hostname;
  } catch {
    return value;
  }
}

const unreachable = (value: string) => {
  const host = hostOf(value).toLowerCase();
  return value.toLowerCase().includes('unreachable') || host.endsWith('.invalid') || host === 'invalid';
};

/**
 * A deterministic connectivity test: a host, base_url or endpoint_url that
 * contains "unreachable" or ends in ".invalid" refuses the connection; a
 * missing secret fails; otherwise it succeeds in a plausible, stable time.
 */
export function connectionTest(type: ConnectorType, r: ConnectorInstanceRecord, now: string): ConnectionTest {
  const fail = (message: string): ConnectionTest => ({ ok: false, message, latency_ms: null, tested_at: now });
  for (const f of type.fields) {
    if (f.secret && f.required && !r.secrets[f.name]) return fail(`${f.label} is not set`);
  }
  const c = r.config;
  const target =
    type.id === 'postgresql'
      ? { value: String(c.host ?? ''), shown: `${String(c.host ?? '')}:${String(c.port ?? 5432)}` }
      : type.id === 's3' && typeof c.endpoint_url === 'string'
        ? { value: c.endpoint_url, shown: c.endpoint_url }
        : typeof c.base_url === 'string'
          ? { value: c.base_url, shown: c.base_url }
          : null;
  if (target && unreachable(target.value)) return fail(`could not connect to ${target.shown}: connection refused`);
  const digest = createHash('sha256')
    .update(`${r.id}\n${JSON.stringify(c)}`)
    .digest();
  const latency = 8 + (digest.readUInt16BE(0) % 113);
  const message =
    type.id === 'postgresql'
      ? `Connected to ${target?.shown ?? ''} (database ${String(c.database ?? '')}${c.ssl === false ? ', without SSL' : ', SSL'})`
      : type.id === 's3'
        ? `Bucket ${String(c.bucket ?? '')} is reachable in ${String(c.region ?? '')}${target ? ` through ${target.shown}` : ''}`
        : `${target?.shown ?? 'The API'} answered 200 OK`;
  return { ok: true, message, latency_ms: latency, tested_at: now };
}

/** Delete an instance no service binds (409 naming the services that do). */
export function deleteInstance(store: Store, rec: ConnectorInstanceRecord): void {
  const users = bindersOf(store, rec).map((s) => s.slug);
  if (users.length) {
    throw conflict(
      `Connector instance ${rec.name} is bound by ${users.length} ${users.length === 1 ? 'service' : 'services'}: ${nameList(users)}; remove the bindings first`,
    );
  }
  store.connectorInstances.delete(rec.id);
}
