/**
 * Calling our extensions (CONTRACT §11): each is optional, and the answer
 * teaches the console whether the platform has it (lib/capabilities.ts).
 *
 * - `readExtension` (a read a page can do without): its data, or
 *   `{ available: false }` when the platform does not have it, so the page
 *   renders its "not available on this platform" state instead of an error.
 * - `callExtension` (a write, or a read that must fail loudly): throws
 *   `ExtensionUnavailable`, whose message says so in words.
 *
 * Once an extension is known to be missing, neither calls the platform again.
 * To make a new extension optional: add it to `CAPABILITIES` (capabilities.ts)
 * and `EXTENSIONS` (here), and call it through one of the two helpers.
 */
import { capabilityState, isExtensionUnavailable, learnCapability, type Capability } from './capabilities';
import { isMissingRoute } from './not-available';

/** Each extension the console calls, in words a user reads, and the call it is. */
export const EXTENSIONS = {
  apiKeySignIn: { name: 'API-key sign-in', call: 'POST /auth/api-keys/exchange' },
  versionDetail: { name: 'Reading one version', call: 'GET …/versions/{version_id}' },
  trafficSplit: { name: 'Changing the traffic split', call: 'PUT …/traffic' },
  deploymentHistory: { name: 'Deployment history', call: 'GET …/deployments' },
  effectiveCredentials: { name: 'Effective credentials', call: 'GET …/effective-credentials' },
  serviceCredentialsClear: { name: 'Clearing a service’s credentials', call: 'DELETE …/service-credentials' },
  organizationCredentials: {
    name: 'Reading and writing the organization’s credentials directly',
    call: 'GET|PUT /orgs/{org_id}/cloud-credentials',
  },
  tokenRevocation: { name: 'Token revocation', call: 'POST …/service-tokens/revoke, …/revoke-all; GET …/service-tokens/revocations' },
  versionQuery: { name: 'Stubs and documents of a chosen version', call: '?version= on …/openapi.json and …/stubs/*' },
  endpointsByVersion: { name: 'Endpoints of a chosen version', call: '?version_id= on …/endpoints' },
  servicesByMode: { name: 'Filtering services by execution mode', call: '?execution_mode= on …/hosted-services' },
  mintedTokens: { name: 'The list of minted tokens', call: 'GET …/service-tokens' },
  activity: { name: 'A service’s activity', call: 'GET …/activity' },
  agentListings: {
    name: 'Listing agent deployments and their instances',
    call: 'GET /v1/agent-deployments, …/services, …/services/{id}; POST …/services/{id}/stop',
  },
  connectorJobs: { name: 'Following a large write’s job', call: 'GET …/instances/{instance_id}/jobs/{job_id}' },
  connectorDdl: { name: 'Previewing and running DDL', call: 'POST|GET …/instances/{instance_id}/ddl' },
} as const satisfies Record<Capability, { name: string; call: string }>;

/** An extension the platform does not have; the message says so in words. */
export class ExtensionUnavailable extends Error {
  readonly capability: Capability;

  constructor(capability: Capability, cause?: unknown) {
    super(`${EXTENSIONS[capability].name} is not available on this platform.`);
    this.name = 'ExtensionUnavailable';
    this.capability = capability;
    if (cause !== undefined) this.cause = cause;
  }
}

/**
 * Call an extension: learn from the answer, and throw `ExtensionUnavailable`
 * when the platform does not have it — without calling again once that is
 * known. Any other failure is thrown as it came.
 */
export async function callExtension<T>(capability: Capability, call: () => Promise<T>): Promise<T> {
  if (capabilityState(capability) === 'unavailable') throw new ExtensionUnavailable(capability);
  try {
    const result = await call();
    learnCapability(capability, 'available');
    return result;
  } catch (error) {
    if (isMissingRoute(error)) {
      learnCapability(capability, 'unavailable');
      throw new ExtensionUnavailable(capability, error);
    }
    throw error;
  }
}

/** A read of an extension, as a page uses it: its data, or that the platform does not have it. */
export type ExtensionRead<T> = { available: true; data: T } | { available: false; capability: Capability };

/** Read through an extension: `{ available: false }` rather than an error when the platform does not have it. */
export async function readExtension<T>(capability: Capability, call: () => Promise<T>): Promise<ExtensionRead<T>> {
  try {
    return { available: true, data: await callExtension(capability, call) };
  } catch (error) {
    if (isExtensionUnavailable(error, capability)) return { available: false, capability };
    throw error;
  }
}
