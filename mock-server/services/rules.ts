/**
 * Hosted services (CONTRACT §2): a new service is a draft with version 1;
 * ring and connector instances must exist in the workspace (422 on the
 * field); the slug is unique in the workspace (409 on the field) and
 * immutable; the execution mode changes only while the service is a draft;
 * the cross-field rules run on the merged service. The contract's view adds
 * what the versions and deployments say.
 */
import type * as z from 'zod/mini';
import type { ValidationIssue } from '../../src/contract/common';
import { crossFieldIssues, type HostedService, type ServiceCreate, type ServiceUpdate } from '../../src/contract/services';
import { liveDeploymentState } from '../deployments/rules';
import { conflict, issue, validationError } from '../core/errors';
import { newInWorkspace } from '../core/new-record';
import type { WorkspaceRecord } from '../organizations/records';
import type { ServiceRecord } from './records';
import type { VersionRecord } from '../versions/records';
import type { Store } from '../core/store';
import { firstVersion } from '../versions/rules';

/** Existence checks that are 422s on a body field (CONTRACT §2). */
function referenceIssues(
  store: Store,
  ws: WorkspaceRecord,
  body: { ring_id?: string | null | undefined; connector_bindings?: Record<string, { connector_instance_id: string }> | undefined },
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (body.ring_id) {
    const ring = store.rings.get(body.ring_id);
    if (!ring || ring.workspace_id !== ws.id) issues.push(issue(['body', 'ring_id'], 'Ring not found', 'value_error'));
  }
  for (const [name, binding] of Object.entries(body.connector_bindings ?? {})) {
    const instance = store.connectorInstances.get(binding.connector_instance_id);
    if (instance?.workspace_id === ws.id) continue;
    issues.push(issue(['body', 'connector_bindings', name, 'connector_instance_id'], 'Connector instance not found', 'value_error'));
  }
  return issues;
}

const slugConflict = (slug: string) =>
  conflict([{ loc: ['body', 'slug'], msg: `A service with slug '${slug}' already exists in this workspace`, type: 'conflict' }]);

/** A new draft service and its version 1. */
export function createService(store: Store, ws: WorkspaceRecord, body: z.output<typeof ServiceCreate>, now: string): ServiceRecord {
  const issues = referenceIssues(store, ws, body);
  if (issues.length) throw validationError(issues);
  if (store.serviceBySlug(ws.id, body.slug)) throw slugConflict(body.slug);
  const rec = store.services.put({
    ...newInWorkspace(ws),
    name: body.name,
    slug: body.slug,
    description: body.description ?? null,
    execution_mode: body.execution_mode,
    status: 'draft',
    ring_id: body.ring_id ?? null,
    environment_id: body.environment_id ?? null,
    connector_bindings: body.connector_bindings,
    min_replicas: body.min_replicas,
    max_replicas: body.max_replicas,
    concurrency_per_replica: body.concurrency_per_replica,
    scale_threshold: body.scale_threshold,
    startup_timeout_seconds: body.startup_timeout_seconds,
    base_image: body.base_image,
    system_packages: body.system_packages,
    deployment_state: null,
    created_at: now,
    updated_at: now,
  });
  store.versions.put(firstVersion(rec.id, now));
  return rec;
}

/** A partial update, checked on the merged service. */
export function updateService(
  store: Store,
  ws: WorkspaceRecord,
  s: ServiceRecord,
  body: z.output<typeof ServiceUpdate>,
  now: string,
): ServiceRecord {
  if (body.slug !== undefined && body.slug !== s.slug)
    throw validationError([issue(['body', 'slug'], 'Slug is immutable after creation', 'value_error')]);
  if (body.execution_mode !== undefined && body.execution_mode !== s.execution_mode && s.status !== 'draft') {
    throw conflict(`Execution mode can only be changed while the service is a draft (this one is ${s.status})`);
  }
  const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as Partial<ServiceRecord>;
  const merged: ServiceRecord = { ...s, ...changes, slug: s.slug, updated_at: now };
  const issues: ValidationIssue[] = crossFieldIssues(merged).map((i) => issue(['body', i.path], i.message, 'value_error'));
  issues.push(...referenceIssues(store, ws, { ring_id: body.ring_id, connector_bindings: body.connector_bindings }));
  if (issues.length) throw validationError(issues);
  return store.services.put(merged);
}

/** The contract's HostedService: the record plus the fields derived from its versions and deployments. */
export function hostedService(store: Store, s: ServiceRecord): HostedService {
  let active: VersionRecord | undefined;
  let draft: VersionRecord | undefined;
  for (const v of store.versionsOf(s.id)) {
    if (v.status === 'active') active = v;
    else if (v.status === 'draft') draft = v;
  }
  return {
    ...s,
    deployment_state: liveDeploymentState(store, s),
    active_version_id: active?.id ?? null,
    active_version: active?.version ?? null,
    draft_version_id: draft?.id ?? null,
    draft_version: draft?.version ?? null,
  };
}

/** The settings a person reads in an activity entry, by field. */
export const FIELD_WORDS: Record<string, string> = {
  name: 'the name',
  description: 'the description',
  execution_mode: 'the execution mode',
  ring_id: 'the ring',
  environment_id: 'the environment',
  connector_bindings: 'the connector bindings',
  min_replicas: 'min replicas',
  max_replicas: 'max replicas',
  concurrency_per_replica: 'concurrency per replica',
  scale_threshold: 'the scale threshold',
  startup_timeout_seconds: 'the startup timeout',
  base_image: 'the base image',
  system_packages: 'the system packages',
};

/** The settings an update really changed (a field sent with its current value is not a change). */
export function changedFields(before: ServiceRecord, after: ServiceRecord): string[] {
  return Object.keys(FIELD_WORDS).filter(
    (k) => JSON.stringify(before[k as keyof ServiceRecord]) !== JSON.stringify(after[k as keyof ServiceRecord]),
  );
}
