/**
 * The platform API, as a role, to arrange a test's starting point and to check
 * what the server refuses. Paths come from the contract, responses are parsed
 * with its schemas, ids come from the mock's seed: nothing is typed twice.
 * Requests go to the test's baseURL, the worker's console, which forwards
 * `/api` to the worker's own mock (servers.ts).
 */
import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS } from '../../mock-server/auth/seed';
import { IDS } from '../../mock-server/core/seed-ids';
import { TokenResponse } from '../../src/contract/auth';
import { pageOrArray } from '../../src/contract/common';
import { ConnectorInstance } from '../../src/contract/connectors';
import { Deployment, DeploymentStatusDetails } from '../../src/contract/deployments';
import type { JsonSchema } from '../../src/contract/json-schema';
import { paths, type Scope } from '../../src/contract/paths';
import { Workspace } from '../../src/contract/organizations';
import { Ring } from '../../src/contract/rings';
import { HostedService, type ServiceCreateInput } from '../../src/contract/services';
import { MintResponse } from '../../src/contract/tokens';
import { Endpoint, ServiceVersion, type EndpointCreateInput } from '../../src/contract/versions';
import { advanceClock, DEPLOY_MS, PHASE_MS } from './clock';

export type Role = keyof typeof DEMO_USERS;
/** Who signs in: a role's demo user (in Acme Corp, the demo organization), or a user of an organization of the story's own (`ownOrganization`). */
export type Account = Role | { role: Role; email: string };
export const emailOf = (who: Account) => (typeof who === 'string' ? DEMO_USERS[who] : who.email);

/** The demo seed's Production and Research workspaces, where the stories make what they read. */
export const SCOPE: Scope = { orgId: IDS.org, workspaceId: IDS.production };
export const RESEARCH: Scope = { orgId: IDS.org, workspaceId: IDS.research };

const url = (path: string) => `/api/v1${path}`;

/** A unique, slug-safe suffix so parallel tests never see each other's services. */
export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export async function login(request: APIRequestContext, who: Account): Promise<TokenResponse> {
  const res = await request.post(url(paths.login()), { data: { email: emailOf(who), password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  return TokenResponse.parse(await res.json());
}

/** Expect `status`, then read the body with the contract's schema. */
async function read<T>(res: APIResponse, status: number, schema: { parse: (value: unknown) => T }): Promise<T> {
  expect(res.status(), await res.text()).toBe(status);
  return schema.parse(await res.json());
}

export const S3_CONFIG = { bucket: 'e2e-documents', region: 'eu-west-1', access_key_id: 'AKIAE2E000000000', secret_access_key: 's3cret' };
export const POSTGRES_CONFIG = { host: 'db.example.com', port: 5432, database: 'orders', user: 'svc', password: 's3cret', ssl: true };

/** A credentials document a provider would hand out, with a marker to look for afterwards. */
export const keyFile = (marker = 'not-a-real-key') =>
  JSON.stringify(
    {
      type: 'service_account',
      project_id: 'e2e',
      private_key_id: marker,
      private_key: `-----BEGIN PRIVATE KEY-----\n${marker}\n-----END PRIVATE KEY-----\n`,
      client_email: 'deployer@e2e.iam.gserviceaccount.com',
    },
    null,
    2,
  );

const documentSchema: JsonSchema = { type: 'object', properties: { document_url: { type: 'string' } }, required: ['document_url'] };

/** The platform as `who` (the demo developer unless told), in a workspace (Acme Corp's Production unless told). */
export async function platformAs(request: APIRequestContext, who: Account = 'developer', scope: Scope = SCOPE) {
  let headers = { Authorization: `Bearer ${(await login(request, who)).access_token}` };
  const send = (method: string, path: string, data?: unknown, params?: Record<string, string | number | boolean>) =>
    request.fetch(url(path), { method, headers, data, params });
  const service = (id: string) => paths.service(scope, id);

  const api = {
    /** The Authorization header of this role's current session. */
    get headers() {
      return headers;
    },
    /**
     * Move the platform's clock forward (`advanceClock`), then sign in again:
     * a move past the access token's life would leave this helper's expired.
     */
    advance: async (ms: number) => {
      await advanceClock(request, ms);
      headers = { Authorization: `Bearer ${(await login(request, who)).access_token}` };
    },
    /** Any call, for checking a refusal's status and detail. */
    send,
    rings: async () => (await read(await send('GET', paths.rings(scope)), 200, pageOrArray(Ring))).items,
    createRing: async (name: string) => read(await send('POST', paths.rings(scope), { name, description: `e2e ring ${name}` }), 201, Ring),

    createService: async (body: ServiceCreateInput) => read(await send('POST', paths.services(scope), body), 201, HostedService),
    /** An invocation service in the first ring (or the one given). */
    createInvocationService: async (name: string, ringId?: string) =>
      api.createService({
        name,
        slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
        execution_mode: 'invocation',
        ring_id: ringId ?? (await api.rings())[0]!.id,
      }),
    listServices: async (query: Record<string, string | number>) =>
      read(await send('GET', paths.services(scope), undefined, query), 200, pageOrArray(HostedService)),
    service: async (id: string) => read(await send('GET', service(id)), 200, HostedService),
    updateService: async (id: string, body: Partial<ServiceCreateInput>) => read(await send('PUT', service(id), body), 200, HostedService),
    putBindings: (id: string, connector_bindings: unknown) => send('PUT', service(id), { connector_bindings }),

    versions: async (id: string) => (await read(await send('GET', paths.versions(scope, id)), 200, pageOrArray(ServiceVersion))).items,
    createVersion: async (id: string) => read(await send('POST', paths.versions(scope, id)), 201, ServiceVersion),
    addEndpoint: async (id: string, body: EndpointCreateInput) => read(await send('POST', paths.endpoints(scope, id), body), 201, Endpoint),
    publish: (id: string, versionId: string, traffic_percent = 100) =>
      send('POST', paths.publishVersion(scope, id, versionId), { traffic_percent }),
    setTraffic: (id: string, allocations: { version_id: string; percent: number }[]) =>
      send('PUT', paths.traffic(scope, id), { allocations }),

    /** A persistent service with one published version (v1), ready to deploy. */
    publishedPersistent: async (over: Partial<ServiceCreateInput> = {}) => {
      const created = await api.createService({
        name: unique('Deploy Target'),
        slug: unique('deploy-target'),
        execution_mode: 'persistent',
        ...over,
      });
      await api.addEndpoint(created.id, { method: 'POST', path: '/predict', summary: 'Predict' });
      const [v1] = await api.versions(created.id);
      expect((await api.publish(created.id, v1!.id)).status()).toBe(200);
      return created;
    },
    /** An invocation service with `POST /extract` (a document's URL in, what the gateway makes of it out) published at 100%: one a token calls. */
    publishedInvocation: async (name = unique('Extractor')) => {
      const created = await api.createInvocationService(name);
      await api.addEndpoint(created.id, {
        method: 'POST',
        path: '/extract',
        summary: 'Extract a document',
        request_schema: documentSchema,
      });
      const [v1] = await api.versions(created.id);
      expect((await api.publish(created.id, v1!.id)).status()).toBe(200);
      return created;
    },
    /** A published persistent service already built, or deployed and running. */
    persistentIn: async (state: 'built' | 'active') => {
      const created = await api.publishedPersistent();
      expect((await (state === 'built' ? api.build(created.id) : api.deploy(created.id))).status()).toBe(202);
      await api.advance(state === 'built' ? PHASE_MS : DEPLOY_MS);
      expect((await api.status(created.id)).deployment_state).toBe(state);
      return created;
    },
    deploy: (id: string, query?: Record<string, string>) => send('POST', paths.deploy(scope, id), undefined, query),
    build: (id: string) => send('POST', paths.build(scope, id)),
    status: async (id: string) => read(await send('GET', paths.deploymentStatus(scope, id)), 200, DeploymentStatusDetails),
    deployments: async (id: string) => (await read(await send('GET', paths.deployments(scope, id)), 200, pageOrArray(Deployment))).items,

    putServiceCredentials: (id: string, data: unknown) => send('PUT', paths.serviceCredentials(scope, id), data),
    putOrgCredentials: (data: unknown) => send('PUT', paths.orgCloudCredentials(scope.orgId), data),
    getOrgCredentials: () => send('GET', paths.orgCloudCredentials(scope.orgId)),

    createInstance: async (connectorId: string, name: string, config: Record<string, unknown>) =>
      read(await send('POST', paths.instances(scope, connectorId), { name, config }), 201, ConnectorInstance),

    mint: async (id: string) => read(await send('POST', paths.mintToken(scope, id), { claims: {}, ttl_minutes: 5 }), 201, MintResponse),
    /**
     * A call through the gateway as a client makes it, pinned to a version: the
     * mock answers `status` when given (`X-Mock-Status`, CONTRACT §12) and
     * records the call. Answers the response, its `X-Request-Id` and status checked.
     */
    callPinned: async (
      id: string,
      version: number,
      path: string,
      { status, body = { text: 'hello' } }: { status?: number; body?: unknown } = {},
    ) => {
      const res = await request.post(url(paths.gatewayPinned(scope.orgId, id, version, path)), {
        headers: { ...headers, ...(status ? { 'X-Mock-Status': String(status) } : {}) },
        data: body,
      });
      expect(res.status(), await res.text()).toBe(status ?? 200);
      return res.headers()['x-request-id']!;
    },
    /** The gateway as a client calls it, with a token as its Bearer credential. */
    gateway: (id: string, token: string) =>
      request.post(url(paths.gateway(scope.orgId, id, 'extract')), {
        headers: { Authorization: `Bearer ${token}` },
        data: { document_url: 'https://example.com/invoice.pdf' },
      }),
  };
  return api;
}

export type PlatformApi = Awaited<ReturnType<typeof platformAs>>;

/**
 * A workspace of the story's own (made by an admin), with these rings in this order: for a story that
 * changes what a whole workspace shares, such as its promotion path. Named to sort after Production, which
 * the console opens first (`/` opens the first workspace by name) and other stories start from.
 */
export async function ownWorkspace(request: APIRequestContext, rings: readonly string[] = []): Promise<Scope> {
  const admin = await platformAs(request, 'admin');
  const workspace = await read(await admin.send('POST', paths.workspaces(IDS.org), { name: unique('Sandbox') }), 201, Workspace);
  const scope = { orgId: IDS.org, workspaceId: workspace.id };
  const inWorkspace = await platformAs(request, 'admin', scope);
  for (const ring of rings) await inWorkspace.createRing(ring);
  return scope;
}

/** An organization of the story's own (the mock's test route): its Production workspace, and a user per role. */
export type OwnOrganization = {
  name: string;
  /** Its Production workspace (no rings yet). */
  scope: Scope;
  /** Who signs in as each role there (with the demo password). */
  accounts: Record<Role, { role: Role; email: string; name: string; id: string }>;
};

/**
 * An organization of the story's own, for a story that changes what a whole organization shares — its name,
 * its cloud credentials, its users and invitations, its API keys — which the stories beside it read in Acme Corp.
 */
export async function ownOrganization(request: APIRequestContext, prefix = 'Own Org'): Promise<OwnOrganization> {
  const name = unique(prefix);
  const res = await request.post(url('/__test__/organizations'), { data: { name } });
  expect(res.status(), await res.text()).toBe(201);
  const made = (await res.json()) as {
    organization: { id: string };
    workspace: { id: string };
    users: { id: string; email: string; name: string; role: Role }[];
  };
  const accounts = Object.fromEntries(made.users.map((u) => [u.role, u])) as OwnOrganization['accounts'];
  return { name, scope: { orgId: made.organization.id, workspaceId: made.workspace.id }, accounts };
}

const textSchema: JsonSchema = { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] };
const summarySchema: JsonSchema = { type: 'object', properties: { summary: { type: 'string' }, words: { type: 'integer' } } };

/** An endpoint of a story's service: its path and its summary (POST, a text in, a summary out). */
type TextEndpoint = { path: string; summary: string };

/**
 * A fresh service, as the developer: v1 with the first endpoint, published at 100%, and v2 a draft that
 * adds the second (what a canary or a rollout moves traffic to). In Production unless told (a workspace of
 * the story's own needs a ring).
 */
export async function serviceWithDraft(request: APIRequestContext, name: string, endpoints: [TextEndpoint, TextEndpoint], scope = SCOPE) {
  const api = await platformAs(request, 'developer', scope);
  const service = await api.createInvocationService(name);
  const addEndpoint = ({ path, summary }: TextEndpoint) =>
    api.addEndpoint(service.id, { method: 'POST', path, summary, request_schema: textSchema, response_schema: summarySchema });
  await addEndpoint(endpoints[0]);
  const [v1] = await api.versions(service.id);
  expect((await api.publish(service.id, v1!.id, 100)).status()).toBe(200);
  const v2 = await api.createVersion(service.id);
  await addEndpoint(endpoints[1]);
  return { api, service, v1: v1!, v2 };
}

/**
 * A fresh service mid-canary, arranged as the platform guide describes: v1
 * published at 100%, then v2 published at 20% (v1 drains at 80%); in
 * Production unless told (a workspace of the story's own needs a ring).
 */
export async function serviceWithCanary(request: APIRequestContext, scope: Scope = SCOPE) {
  const arranged = await serviceWithDraft(
    request,
    unique('Canary'),
    [
      { path: '/summarize', summary: 'Summarize a document' },
      { path: '/documents/{document_id}/translate', summary: "Translate a document's text" },
    ],
    scope,
  );
  const { api, service, v2 } = arranged;
  expect((await api.publish(service.id, v2.id, 20)).status()).toBe(200);
  return { ...arranged, versions: () => api.versions(service.id) };
}
