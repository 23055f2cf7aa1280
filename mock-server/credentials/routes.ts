/**
 * Cloud credentials (CONTRACT §5, seed 000): a service's own, which take
 * precedence, and the organization's, shared by every service (admins only),
 * written at the documented path through a service and at our organization
 * path. The secret is write-only.
 */
import { CredentialsInfo, CredentialsWrite, EffectiveCredentials, OrganizationCredentials } from '../../src/contract/credentials';
import { paths } from '../../src/contract/paths';
import { ROLE_ADMIN, ROLE_WRITE_SERVICES } from '../core/auth';
import { HttpError } from '../core/errors';
import { apiPath, AT, domainApi, operation } from '../core/operations';
import { noContent, reply } from '../core/replies';
import { E401, E403, E404, E422 } from '../core/responses';
import { deleteServiceCredentials, effectiveCredentials, organizationCredentials, putCredentials, serviceRecord, toInfo } from './rules';

const tags = ['credentials'];
const OWN = apiPath('/orgs/:org_id/workspaces/:workspace_id/hosted-services/:service_id/service-credentials', paths.serviceCredentials(AT, ':service_id'));
const ORG_VIA_SERVICE = apiPath('/orgs/:org_id/workspaces/:workspace_id/hosted-services/:service_id/credentials', paths.orgCredentialsViaService(AT, ':service_id'));
const EFFECTIVE = apiPath('/orgs/:org_id/workspaces/:workspace_id/hosted-services/:service_id/effective-credentials', paths.effectiveCredentials(AT, ':service_id'));
const ORG = apiPath('/orgs/:org_id/cloud-credentials', paths.orgCloudCredentials(':org_id'));

const NONE_OF_ITS_OWN = { description: 'Not found, or the service has no credentials of its own' };
const noneOfItsOwn = () => new HttpError(404, 'This service has no credentials of its own');
const serviceWrites = { roles: ROLE_WRITE_SERVICES, action: 'change service credentials' } as const;
const orgAdmin = { roles: ROLE_ADMIN, action: 'manage organization credentials' } as const;
const ORG_WRITTEN = { description: "The organization's credentials and the services that override them", schema: OrganizationCredentials };

export const credentialsApi = domainApi([
  operation({
    method: 'get',
    path: OWN,
    operationId: 'getServiceCredentials',
    summary: "The service's own credentials: metadata and fingerprint only (the secret is write-only)",
    tags,
    auth: 'bearer',
    responses: { 200: { description: 'The credentials', schema: CredentialsInfo }, 401: E401, 404: NONE_OF_ITS_OWN },
    handler: ({ var: { store, service } }) => {
      const rec = serviceRecord(store, service.id);
      if (!rec) throw noneOfItsOwn();
      return reply(200, CredentialsInfo, toInfo(rec));
    },
  }),
  operation({
    method: 'put',
    path: OWN,
    operationId: 'putServiceCredentials',
    summary: "Set the service's own credentials; they take precedence over the organization's",
    tags,
    auth: 'bearer',
    ...serviceWrites,
    body: CredentialsWrite,
    responses: { 200: { description: 'The stored credentials (without the secret)', schema: CredentialsInfo }, 401: E401, 403: E403, 404: E404, 422: E422 },
    handler: ({ var: { store, service, body, principal } }) => reply(200, CredentialsInfo, toInfo(putCredentials(store, { scope: 'service', service }, body, principal.user.email))),
  }),
  operation({
    method: 'delete',
    path: OWN,
    operationId: 'deleteServiceCredentials',
    summary: "Remove the service's own credentials; the organization's apply again",
    tags,
    auth: 'bearer',
    ...serviceWrites,
    responses: { 204: { description: 'Removed' }, 401: E401, 403: E403, 404: NONE_OF_ITS_OWN },
    handler: ({ var: { store, service } }) => {
      if (!deleteServiceCredentials(store, service.id)) throw noneOfItsOwn();
      return noContent();
    },
  }),
  operation({
    method: 'put',
    path: ORG_VIA_SERVICE,
    operationId: 'putOrganizationCredentialsViaService',
    summary: "Set the organization's credentials, shared by every service (the documented path; admin only)",
    tags,
    auth: 'bearer',
    ...orgAdmin,
    body: CredentialsWrite,
    responses: { 200: ORG_WRITTEN, 401: E401, 403: E403, 404: E404, 422: E422 },
    handler: ({ var: { store, org, body, principal } }) => {
      putCredentials(store, { scope: 'organization', orgId: org.id }, body, principal.user.email);
      return reply(200, OrganizationCredentials, organizationCredentials(store, org.id));
    },
  }),
  operation({
    method: 'get',
    path: EFFECTIVE,
    operationId: 'getEffectiveCredentials',
    summary: "Extension: the credentials in force for the service (its own, else the organization's) and both records",
    tags,
    auth: 'bearer',
    extension: true,
    responses: { 200: { description: 'The credentials in force', schema: EffectiveCredentials }, 401: E401, 404: E404 },
    handler: ({ var: { store, service } }) => reply(200, EffectiveCredentials, effectiveCredentials(store, service)),
  }),
  operation({
    method: 'get',
    path: ORG,
    operationId: 'getOrganizationCredentials',
    summary: "The organization's credentials (metadata only) and the services that override them (admin only)",
    tags,
    auth: 'bearer',
    ...orgAdmin,
    responses: { 200: { description: "The organization's credentials", schema: OrganizationCredentials }, 401: E401, 403: E403, 404: E404 },
    handler: ({ var: { store, org } }) => reply(200, OrganizationCredentials, organizationCredentials(store, org.id)),
  }),
  operation({
    method: 'put',
    path: ORG,
    operationId: 'putOrganizationCredentials',
    summary: "Set the organization's credentials, shared by every service (admin only)",
    tags,
    auth: 'bearer',
    ...orgAdmin,
    body: CredentialsWrite,
    responses: { 200: ORG_WRITTEN, 401: E401, 403: E403, 404: E404, 422: E422 },
    handler: ({ var: { store, org, body, principal } }) => {
      putCredentials(store, { scope: 'organization', orgId: org.id }, body, principal.user.email);
      return reply(200, OrganizationCredentials, organizationCredentials(store, org.id));
    },
  }),
]);
