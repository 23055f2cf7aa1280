/**
 * Cloud credentials (CONTRACT §5): the organization's record, shared by every
 * service, and a service's own override, which takes precedence.
 *
 * The secret (`cloud_credentials_json`) is write-only: the mock keeps only its
 * fingerprint (the first 12 hex digits of its SHA-256), never the secret
 * itself, so no read, log or state file can reveal it.
 */
import { createHash } from 'node:crypto';
import type { CloudProvider, CredentialsInfo, EffectiveCredentials, OrganizationCredentials } from '../../src/contract/credentials';
import type { CredentialsRecord } from './records';
import type { ServiceRecord } from '../services/records';
import type { Store } from '../core/store';

export interface CredentialsInput {
  cloud_provider: CloudProvider;
  cloud_credentials_json: string;
  cloud_project_id: string;
  cloud_region?: string | null | undefined;
}

export const fingerprint = (secret: string) => createHash('sha256').update(secret).digest('hex').slice(0, 12);

const key = (scope: CredentialsRecord['scope'], id: string) => `${scope}:${id}`;

export function toInfo(r: CredentialsRecord): CredentialsInfo {
  return {
    cloud_provider: r.cloud_provider,
    cloud_project_id: r.cloud_project_id,
    cloud_region: r.cloud_region,
    fingerprint: r.fingerprint,
    updated_at: r.updated_at,
    updated_by: r.updated_by,
  };
}

export const orgRecord = (store: Store, orgId: string) => store.cloudCredentials.get(key('organization', orgId));
export const serviceRecord = (store: Store, serviceId: string) => store.cloudCredentials.get(key('service', serviceId));

/** Store a write: everything but the secret, which is reduced to its fingerprint. */
export function putCredentials(
  store: Store,
  target: { scope: 'organization'; orgId: string } | { scope: 'service'; service: ServiceRecord },
  body: CredentialsInput,
  updatedBy: string,
  now = store.clock.iso(),
): CredentialsRecord {
  const rec: CredentialsRecord = {
    scope: target.scope,
    org_id: target.scope === 'organization' ? target.orgId : target.service.org_id,
    service_id: target.scope === 'service' ? target.service.id : null,
    cloud_provider: body.cloud_provider,
    cloud_project_id: body.cloud_project_id,
    cloud_region: body.cloud_region ?? null,
    fingerprint: fingerprint(body.cloud_credentials_json),
    updated_at: now,
    updated_by: updatedBy,
  };
  return store.cloudCredentials.put(rec);
}

/** Set the organization's record; the answer names the services that override it. */
export function setOrganizationCredentials(
  store: Store,
  orgId: string,
  body: CredentialsInput,
  updatedBy: string,
): OrganizationCredentials {
  putCredentials(store, { scope: 'organization', orgId }, body, updatedBy);
  return organizationCredentials(store, orgId);
}

export function deleteServiceCredentials(store: Store, serviceId: string): boolean {
  return store.cloudCredentials.delete(key('service', serviceId));
}

export function effectiveCredentials(store: Store, s: ServiceRecord): EffectiveCredentials {
  const own = serviceRecord(store, s.id);
  const org = orgRecord(store, s.org_id);
  const service = own ? toInfo(own) : null;
  const organization = org ? toInfo(org) : null;
  return {
    source: service ? 'service' : organization ? 'organization' : 'none',
    effective: service ?? organization,
    service,
    organization,
  };
}

export function organizationCredentials(store: Store, orgId: string): OrganizationCredentials {
  const org = orgRecord(store, orgId);
  const overriding: OrganizationCredentials['overriding_services'] = [];
  for (const r of store.cloudCredentials.in('org', orgId)) {
    if (r.scope !== 'service' || r.service_id === null) continue;
    const s = store.services.get(r.service_id);
    if (!s) continue;
    overriding.push({ id: s.id, name: s.name, slug: s.slug, workspace_id: s.workspace_id, cloud_project_id: r.cloud_project_id });
  }
  overriding.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { credentials: org ? toInfo(org) : null, overriding_services: overriding };
}
