/**
 * The one registry of our extensions (CONTRACT §11): every path or query
 * parameter the seeds do not document, declared once, with
 *
 * - `capability`: its key, the name the console learns it by (`lib/capabilities.ts`,
 *   `callExtension` / `readExtension` in `lib/extensions.ts`);
 * - `routes`: the method and path of each operation it is, or `params`: the
 *   query parameters it adds to a documented operation. A path is written as the
 *   mock routes it (Hono's form: `:name` for a parameter) and from the server's
 *   root, its base included — `/api/v1/…`, or `/v1/…` for seed 003's agent API —
 *   so the mock can match an operation by `method` and `base + path`
 *   (mock-server/core/extensions.ts: its OpenAPI marks, the documented
 *   profile's 404s and ignored parameters come from here, and it refuses to
 *   start when a route or parameter here is not one it serves);
 * - `name`: the words a user reads ("`name` is not available on this platform");
 * - `without`: what the console says or does on a platform without it (the
 *   the table in docs/against-a-real-platform.md, `scripts/extensions-table.ts`).
 *
 * An entry with `documented` is not ours: the seeds document it (the jobs API,
 * seed 001), but the console does not count on every platform serving it, so it
 * learns it and says it is missing the same way. The mock serves it in both profiles.
 *
 * To add an extension: declare it here, call it through `callExtension` or
 * `readExtension`, and show `<Unavailable capability=…>` where it is missing.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
/** An operation: its method, and its path from the server's root in the mock's `:param` form. */
export type ExtensionRoute = { readonly method: Method; readonly path: string };
/** A query parameter added to a documented operation. */
export type ExtensionParam = ExtensionRoute & { readonly name: string };

export type Extension = {
  readonly name: string;
  readonly without: string;
  readonly routes?: readonly ExtensionRoute[];
  readonly params?: readonly ExtensionParam[];
  /** The seed that documents it: not an extension, but not counted on either. */
  readonly documented?: string;
};

const WORKSPACE = '/api/v1/orgs/:org_id/workspaces/:workspace_id';
const SERVICE = `${WORKSPACE}/hosted-services/:service_id`;
const INSTANCE = `${WORKSPACE}/connectors/:connector_id/instances/:instance_id`;
const AGENTS = '/v1/agent-deployments';

const route = (method: Method, path: string): ExtensionRoute => ({ method, path });
const param = (name: string, path: string): ExtensionParam => ({ method: 'GET', path, name });

export const EXTENSIONS = {
  apiKeySignIn: {
    name: 'API-key sign-in',
    routes: [route('POST', '/api/v1/auth/api-keys/exchange')],
    without: 'the API-key tab says API-key sign-in is not available; sign in with email and password',
  },
  versionDetail: {
    name: 'Reading one version',
    routes: [route('GET', `${SERVICE}/versions/:version_id`)],
    without: 'a version’s page reads the version from the versions list',
  },
  versionsByStatus: {
    name: 'Listing versions by status',
    params: [param('status', `${SERVICE}/versions`)],
    without: 'nothing changes: the console reads every version and sorts them itself',
  },
  endpointsByVersion: {
    name: 'Endpoints of a chosen version',
    params: [param('version_id', `${SERVICE}/endpoints`)],
    without:
      'a published version shows its `endpoint_snapshot`; only one sent without it, whose endpoints come back for another version, says they are not available',
  },
  trafficSplit: {
    name: 'Changing the traffic split',
    routes: [route('PUT', `${SERVICE}/traffic`)],
    without: 'Promote, Roll back and Edit split go; the Traffic tab explains that a split is set when publishing (`traffic_percent`)',
  },
  deploymentHistory: {
    name: 'Deployment history',
    routes: [route('GET', `${SERVICE}/deployments`)],
    without: 'the Deployment tab renders from `deployment-status` alone; Build, Deploy, Deploy without building and Tear down stay',
  },
  effectiveCredentials: {
    name: 'Effective credentials',
    routes: [route('GET', `${SERVICE}/effective-credentials`), route('GET', `${SERVICE}/service-credentials`)],
    without: 'the Credentials tab keeps the documented form; which credentials are in force is said to be unavailable',
  },
  serviceCredentialsClear: {
    name: 'Clearing a service’s credentials',
    routes: [route('DELETE', `${SERVICE}/service-credentials`)],
    without: 'the Credentials tab says clearing them is not available; setting them again replaces them',
  },
  organizationCredentials: {
    name: 'Reading and writing the organization’s credentials directly',
    routes: [route('GET', '/api/v1/orgs/:org_id/cloud-credentials'), route('PUT', '/api/v1/orgs/:org_id/cloud-credentials')],
    without:
      'the organization’s Credentials page writes through the documented `PUT …/hosted-services/{id}/credentials` of a service the admin picks, and says it cannot read them',
  },
  tokenRevocation: {
    name: 'Token revocation',
    routes: [
      route('POST', `${SERVICE}/service-tokens/revoke`),
      route('POST', `${SERVICE}/service-tokens/revoke-all`),
      route('GET', `${SERVICE}/service-tokens/revocations`),
    ],
    params: [param('include_expired', `${SERVICE}/service-tokens/revocations`)],
    without: 'the Tokens tab keeps Mint; revoking and the revocations list are said to be unavailable',
  },
  mintedTokens: {
    name: 'The list of minted tokens',
    routes: [route('GET', `${SERVICE}/service-tokens`)],
    without: 'the list says the platform does not list minted tokens',
  },
  activity: {
    name: 'A service’s activity',
    routes: [route('GET', `${SERVICE}/activity`)],
    without: 'the overview’s timeline and the traffic-split history say the platform keeps no activity',
  },
  connectorJobs: {
    name: 'Following a large write’s job',
    routes: [route('GET', `${INSTANCE}/jobs/:job_id`)],
    without:
      'a large write still answers 202 with its job (seed 002); the instance page says the job cannot be followed here and to read the data again later',
  },
  connectorDdl: {
    name: 'Previewing and running DDL',
    routes: [route('POST', `${INSTANCE}/ddl`), route('GET', `${INSTANCE}/ddl`)],
    without:
      'a connector instance’s page says previewing and running DDL, and its schema history, are not available; its operations still run',
  },
  versionQuery: {
    name: 'Stubs and documents of a chosen version',
    params: [
      param('version', `${SERVICE}/openapi.json`),
      param('version', `${SERVICE}/stubs/python`),
      param('version', `${SERVICE}/stubs/typescript`),
    ],
    without:
      'a file of another version is flagged “This is v2’s Python stub, not v1’s”; a file that does not say which version it is of is labelled “the platform’s current version”, never the one asked for',
  },
  servicesByMode: {
    name: 'Filtering services by execution mode',
    params: [param('execution_mode', `${WORKSPACE}/hosted-services`)],
    without: 'the mode filter goes, with a sentence',
  },
  ringByName: {
    name: 'Finding a ring by name',
    params: [param('name', `${WORKSPACE}/deployments/rings`)],
    without: 'nothing changes: the console lists the rings (a client’s `rings.resolve("dev")` uses it)',
  },
  agentListings: {
    name: 'Listing agent deployments and their instances',
    routes: [
      route('GET', AGENTS),
      route('GET', `${AGENTS}/:deployment_id`),
      route('GET', `${AGENTS}/:deployment_id/services`),
      route('GET', `${AGENTS}/:deployment_id/services/:agent_service_id`),
      route('POST', `${AGENTS}/:deployment_id/services/:agent_service_id/stop`),
    ],
    without:
      'the Agents page says deployments are not listed on this platform, and starts an instance (documented) from a deployment ID and a version ID',
  },
  invitationAccept: {
    name: 'Accepting an invitation in the console',
    routes: [route('POST', '/api/v1/auth/invitations/accept')],
    without:
      'the accept page says accepting an invitation is not available on this platform, and to ask the admin who invited them; inviting (documented) still works',
  },
  ssoCallback: {
    name: 'Finishing single sign-on in the console',
    routes: [route('POST', '/api/v1/auth/sso/callback')],
    without:
      'single sign-on starts (documented) and comes back to the console, whose sign-in page then says the platform does not finish single sign-on here, and to sign in with email and password',
  },
  requestLog: {
    name: 'Request logs',
    routes: [
      route('GET', `${SERVICE}/requests`),
      route('GET', `${SERVICE}/requests/stream`),
      route('GET', `${SERVICE}/requests/:request_id`),
    ],
    without:
      'the Logs tab says request logs are not available on this platform (its live tail too); the Test tab’s request ids link nowhere; calling the service still works',
  },
  metrics: {
    name: 'Request metrics',
    routes: [route('GET', `${SERVICE}/metrics`), route('GET', `${WORKSPACE}/service-metrics`)],
    without:
      'the Metrics tab, the Traffic tab’s and the overview’s last-hour figures and the services list’s figures and “Needs attention” say metrics are not available on this platform; the rest of each page works',
  },
  rollouts: {
    name: 'Progressive rollouts',
    routes: [
      route('POST', `${SERVICE}/rollouts`),
      route('GET', `${SERVICE}/rollouts`),
      route('GET', `${SERVICE}/rollouts/:rollout_id`),
      route('POST', `${SERVICE}/rollouts/:rollout_id/pause`),
      route('POST', `${SERVICE}/rollouts/:rollout_id/resume`),
      route('POST', `${SERVICE}/rollouts/:rollout_id/promote`),
      route('POST', `${SERVICE}/rollouts/:rollout_id/abort`),
      route('GET', `${WORKSPACE}/service-rollouts`),
    ],
    without:
      'the Traffic tab says progressive rollouts are not available on this platform and the publish dialog offers the percentage alone, with a sentence why; the services list shows no rollout and “Needs attention” none; publishing at a percentage, Promote and Roll back still move traffic by hand',
  },
  platformDescription: {
    name: 'The platform’s own OpenAPI document',
    routes: [route('GET', '/api/v1/openapi.json')],
    without: 'nothing changes: the console needs no OpenAPI document of the platform',
  },
  jobs: {
    name: 'Async jobs',
    documented: 'seed 001',
    routes: [
      route('GET', `${SERVICE}/jobs/:job_id`),
      route('POST', `${SERVICE}/jobs/batch`),
      route('POST', `${SERVICE}/jobs/:job_id/cancel`),
    ],
    without: 'the Test tab’s Jobs panel and job card say async jobs are not available; Send still calls the gateway',
  },
} as const satisfies Record<string, Extension>;

export type Capability = keyof typeof EXTENSIONS;

/** Every capability the console can learn, in the registry's order. */
export const CAPABILITIES = Object.keys(EXTENSIONS) as Capability[];

/** `/api/v1/orgs/:org_id/workspaces/:workspace_id/hosted-services/:service_id/traffic` → `…/traffic`; `:name` → `{name}`. */
function shortPath(path: string): string {
  const braced = path.replace(/:([a-z_]+)/g, '{$1}');
  const scoped = /^\/api\/v1\/orgs\/\{org_id\}\/workspaces\/\{workspace_id\}(\/hosted-services\/\{service_id\})?(\/.*)$/.exec(braced);
  if (scoped) return `…${scoped[2]}`;
  return braced.replace(/^\/api\/v1/, '');
}

/**
 * The calls an extension is, in words: `PUT …/traffic`,
 * `GET|PUT /orgs/{org_id}/cloud-credentials`, `?version= on …/openapi.json, …/stubs/python`.
 * A path outside a workspace, under the entry's first, is written from there (`GET /v1/agent-deployments; GET …/{deployment_id}`).
 */
export function extensionCalls(capability: Capability): string {
  const extension: Extension = EXTENSIONS[capability];
  const methods = new Map<string, string[]>();
  for (const r of extension.routes ?? []) methods.set(r.path, [...(methods.get(r.path) ?? []), r.method]);
  const first = extension.routes?.[0]?.path;
  const calls = [...methods].map(([path, verbs]) => {
    const short = shortPath(path);
    const shown = !short.startsWith('…') && first !== undefined && path.startsWith(`${first}/`) ? `…${path.slice(first.length)}` : short;
    return `${verbs.join('|')} ${shown.replace(/:([a-z_]+)/g, '{$1}')}`;
  });
  const byName = new Map<string, string[]>();
  for (const p of extension.params ?? []) byName.set(p.name, [...(byName.get(p.name) ?? []), shortPath(p.path)]);
  for (const [name, on] of byName) calls.push(`?${name}= on ${on.join(', ')}`);
  return calls.join('; ');
}
