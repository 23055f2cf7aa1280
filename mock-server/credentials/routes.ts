/**
 * Cloud credentials (CONTRACT §5, seed 000): a service's own, which take
 * precedence, and the organization's, shared by every service (admins only),
 * written at the documented path through a service and at our organization
 * path. The secret is write-only.
 */
import { CredentialsInfo, CredentialsWrite, EffectiveCredentials, OrganizationCredentials } from '../../src/contract/credentials';
import { paths } from '../../src/contract/paths';
import { record } from '../activity/rules';
import * as z from 'zod/mini';
import { admins, developers } from '../core/auth';
import type { Principal } from '../core/context';
import { HttpError } from '../core/errors';
import { apiPath, del, domainApi, get, put } from '../core/operations';
import type { OrganizationRecord } from '../organizations/records';
import { servicePath } from '../services/paths';
import type { Store } from '../core/store';
import { noContent, reply } from '../core/replies';
import { E401, E403 } from '../core/responses';
import {
  deleteServiceCredentials,
  effectiveCredentials,
  organizationCredentials,
  putCredentials,
  serviceRecord,
  setOrganizationCredentials,
  toInfo,
} from './rules';

const OWN = servicePath('/service-credentials', paths.serviceCredentials);
const ORG_VIA_SERVICE = servicePath('/credentials', paths.orgCredentialsViaService);
const EFFECTIVE = servicePath('/effective-credentials', paths.effectiveCredentials);
const ORG = apiPath('/orgs/:org_id/cloud-credentials', paths.orgCloudCredentials(':org_id'));

const NONE_OF_ITS_OWN = { description: 'Not found, or the service has no credentials of its own' };
const noneOfItsOwn = () => new HttpError(404, 'This service has no credentials of its own');
const serviceWrites = developers('change service credentials');
const orgAdmin = admins('manage organization credentials');
/** Both writes of the organization's credentials: through a service (the documented path) and directly (ours). */
const writeOrganizationCredentials = {
  allow: orgAdmin,
  body: CredentialsWrite,
  responses: {
    200: { description: "The organization's credentials and the services that override them", schema: OrganizationCredentials },
  },
  handler: ({ var: { store, org, body, principal } }: { var: OrgWrite }) =>
    reply(200, OrganizationCredentials, setOrganizationCredentials(store, org.id, body, principal.user.email)),
};
type OrgWrite = { store: Store; org: OrganizationRecord; body: z.output<typeof CredentialsWrite>; principal: Principal };

export const credentialsApi = domainApi(
  ['credentials'],
  [
    get(
      OWN,
      'getServiceCredentials',
      "Extension: the service's own credentials: metadata and fingerprint only (the secret is write-only)",
      {
        responses: { 200: { description: 'The credentials', schema: CredentialsInfo }, 401: E401, 404: NONE_OF_ITS_OWN },
        handler: ({ var: { store, service } }) => {
          const rec = serviceRecord(store, service.id);
          if (!rec) throw noneOfItsOwn();
          return reply(200, CredentialsInfo, toInfo(rec));
        },
      },
    ),
    put(OWN, 'putServiceCredentials', "Set the service's own credentials; they take precedence over the organization's", {
      allow: serviceWrites,
      body: CredentialsWrite,
      responses: {
        200: { description: 'The stored credentials (without the secret)', schema: CredentialsInfo },
      },
      handler: ({ var: { store, service, body, principal } }) => {
        const rec = putCredentials(store, { scope: 'service', service }, body, principal.user.email);
        record(store, service.id, principal.user, {
          kind: 'credentials.set',
          summary: `Set its own cloud credentials: ${rec.cloud_provider} / ${rec.cloud_project_id} (fingerprint ${rec.fingerprint})`,
        });
        return reply(200, CredentialsInfo, toInfo(rec));
      },
    }),
    del(OWN, 'deleteServiceCredentials', "Extension: remove the service's own credentials; the organization's apply again", {
      allow: serviceWrites,
      responses: { 204: { description: 'Removed' }, 401: E401, 403: E403, 404: NONE_OF_ITS_OWN },
      handler: ({ var: { store, service, principal } }) => {
        if (!deleteServiceCredentials(store, service.id)) throw noneOfItsOwn();
        record(store, service.id, principal.user, {
          kind: 'credentials.cleared',
          summary: "Cleared its own cloud credentials: the organization's apply",
        });
        return noContent();
      },
    }),
    put(
      ORG_VIA_SERVICE,
      'putOrganizationCredentialsViaService',
      "Set the organization's credentials, shared by every service (the documented path; admin only)",
      writeOrganizationCredentials,
    ),
    get(
      EFFECTIVE,
      'getEffectiveCredentials',
      "Extension: the credentials in force for the service (its own, else the organization's) and both records",
      {
        responses: { 200: { description: 'The credentials in force', schema: EffectiveCredentials } },
        handler: ({ var: { store, service } }) => reply(200, EffectiveCredentials, effectiveCredentials(store, service)),
      },
    ),
    get(
      ORG,
      'getOrganizationCredentials',
      "Extension: the organization's credentials (metadata only) and the services that override them (admin only)",
      {
        allow: orgAdmin,
        responses: { 200: { description: "The organization's credentials", schema: OrganizationCredentials } },
        handler: ({ var: { store, org } }) => reply(200, OrganizationCredentials, organizationCredentials(store, org.id)),
      },
    ),
    put(
      ORG,
      'putOrganizationCredentials',
      "Extension: set the organization's credentials, shared by every service (admin only; the documented write is through a service)",
      writeOrganizationCredentials,
    ),
  ],
);
